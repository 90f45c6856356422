// + and - wrap modulo 256 at the boundaries.
// expect: output -128 127 -56 126 -96 0 -2 -1
// expect-32: output 128 -129 200 -130 160 -256 254 255
int main() {
    int hi = 127;
    int lo = -128;
    output(hi + 1);
    output(lo - 1);
    output(100 + 100);
    output(-50 + -80);
    output(80 - -80);
    output(lo + lo);
    output(hi + hi);
    output(hi - lo);
    return 0;
}
