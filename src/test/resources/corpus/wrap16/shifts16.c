// word-bits: 16
// Shifts at 16 bits: counts up to 15 are real shifts, 16 and more give 0 or the sign fill.
// expect: output -32768 0 -1 1 256 0 -1 16384 0
// expect-32: output 32768 65536 -1 1 256 0 -1 16384 0
int main() {
    int sixteen = 16;
    output(1 << 15);
    output(1 << sixteen);
    output(-32768 >> 15);
    output(256 >> 8);
    output(1 << 8);
    output(255 >> 8);
    output(-2 >> sixteen);
    output(-32768 >> 1 & 32767 | 16384);
    output(3 << 200);
    return 0;
}
