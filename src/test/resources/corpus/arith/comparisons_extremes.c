// Comparisons are exact for every pair of 8-bit values, even when the difference overflows.
// expect: output 0 1 0 1 0 1 1 0 1 0 1 0 0 1 0 1 1 0 1 0 1 0 1 0 0 1
int main() {
    int hi = 127;
    int lo = -128;
    int p = 100;
    int n = -100;
    output(p < n);
    output(n < p);
    output(hi < lo);
    output(lo < hi);
    output(hi <= lo);
    output(lo <= hi);
    output(hi > lo);
    output(lo > hi);
    output(hi >= lo);
    output(lo >= hi);
    output(hi != lo);
    output(hi == lo);
    output(1 < -128);
    output(-128 < 1);
    output(-1 > 127);
    output(127 > -1);
    output(lo <= lo);
    output(lo < lo);
    output(hi >= hi);
    output(hi > hi);
    output(0 > -128);
    output(0 < -128);
    output(-1 < 0);
    output(-1 > 0);
    output(127 < 0);
    output(-128 <= 127);
    return 0;
}
