// swap exchanges two lvalues: adjacent, distant, the same one, twice, a rotation, extremes.
// expect: a = 2
// expect: b = 1
// expect: c = 9
// expect: p = 2
// expect: q = 3
// expect: r = 1
// expect: hi = -128
// expect: lo = 127
// expect: g = 5
// expect: retval 8
int g = 8;

int main() {
    int a = 1;
    int b = 2;
    swap(a, b);
    int c = 9;
    swap(c, c);
    int p = 1;
    int q = 2;
    int r = 3;
    swap(p, q);
    swap(p, q);
    swap(p, q);
    swap(q, r);
    int hi = 127;
    int lo = -128;
    swap(hi, lo);
    int far = 5;
    swap(far, g);
    return far;
}
