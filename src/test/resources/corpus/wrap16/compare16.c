// word-bits: 16
// Comparisons, min, max and abs are exact at 16 bits too.
// expect: output 0 1 1 0 30000 -30000 32767 -32768 -32768 32767
// expect-32: output 0 1 1 0 30000 -30000 32767 -32768 32768 32767
int main() {
    int p = 30000;
    int n = -30000;
    output(p < n);
    output(n < p);
    output(32767 > -32768);
    output(-32768 >= 32767);
    output(max(p, n));
    output(min(p, n));
    output(max(-32768, 32767));
    output(min(32767, -32768));
    output(abs(-32768));
    output(abs(-32767));
    return 0;
}
