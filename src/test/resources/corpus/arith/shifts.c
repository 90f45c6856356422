// << and >> (arithmetic); the count is an unsigned N-bit word (0xC8 counts 200), counts >= N give 0 or the sign fill.
// expect: output 10 5 -2 5 5 -128 0 0 0 -1 0 -1 -4 64 -64 -1
// expect-32: output 10 5 -2 5 5 128 256 0 0 -1 0 -1 -4 64 -64 -1
int main() {
    int five = 5;
    int eight = 8;
    int n = 0xC8;
    output(five << 1);
    output(10 >> 1);
    output(-4 >> 1);
    output(five << 0);
    output(five >> 0);
    output(1 << 7);
    output(1 << eight);
    output(five << n);
    output(five >> eight);
    output(-5 >> eight);
    output(1 << -1);
    output(-128 >> -1);
    output(-1 << 2);
    output(-128 >> 1 >> 0 << 0 & 64 | 64);
    output(-128 >> 1);
    output(-128 >> 7);
    return 0;
}
