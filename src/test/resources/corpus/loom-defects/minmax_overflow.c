// Loom §4.4/§9.15: min and max must be exact (Loom gives max(100, -100) = -100).
// expect: output 100 -100 127 -128
int main() {
    output(max(100, -100));
    output(min(100, -100));
    output(max(-128, 127));
    output(min(-128, 127));
    return 0;
}
