// The extreme 8-bit literals; -128 is one literal.
// expect: hi = 127
// expect: lo = -128
// expect: m1 = -1
// expect: retval -1
int main() {
    int hi = 127;
    int lo = -128;
    int m1 = -1;
    return hi + lo;
}
