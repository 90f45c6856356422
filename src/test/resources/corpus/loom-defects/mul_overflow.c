// Loom §9.6: mul wraps like every other operator (Loom gives mul(16, 16) = 16).
// expect: output 0 -124 -128 0 1
// expect-32: output 256 132 -128 256 1
int main() {
    output(mul(16, 16));
    output(mul(12, 11));
    output(mul(-16, 8));
    output(mul(64, 4));
    output(mul(-1, -1));
    return 0;
}
