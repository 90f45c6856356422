// abs, including abs(-128) == -128 (the negation wraps).
// expect: output 7 7 0 127 127 -128 1
// expect-32: output 7 7 0 127 127 128 1
int main() {
    int lo = -128;
    output(abs(7));
    output(abs(-7));
    output(abs(0));
    output(abs(127));
    output(abs(-127));
    output(abs(lo));
    output(abs(-1));
    return 0;
}
