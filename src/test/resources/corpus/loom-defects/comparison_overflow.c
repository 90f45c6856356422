// Loom §4.4/§9.15: comparisons must not be computed from a wrapping difference
// (Loom says 100 < -100). Checked both as values and as branch conditions.
// expect: output 0 1 1 0 1 0
// expect: taken = 3
int main() {
    int p = 100;
    int n = -100;
    output(p < n);
    output(p > n);
    output(n <= p);
    output(n >= p);
    output(-128 < 127);
    output(127 <= -128);
    int taken = 0;
    if (p < n) taken = taken + 100;
    if (p > n) taken = taken + 1;
    if (n < p) taken = taken + 1;
    while (p <= n) {
        taken = taken + 50;
        p = n;
    }
    if (-128 >= 127) taken = taken + 10;
    else taken = taken + 1;
    return taken;
}
