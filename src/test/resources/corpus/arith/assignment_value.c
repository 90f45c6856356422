// Assignment is an expression whose value is the stored (wrapped) value; chains go right to left.
// expect: x = 9
// expect: y = 9
// expect: z = 9
// expect: w = -128
// expect: retval -127
// expect-32: x = 9
// expect-32: y = 9
// expect-32: z = 9
// expect-32: w = 128
// expect-32: retval 129
int main() {
    int x;
    int y;
    int z;
    x = y = z = 9;
    int w;
    int v = (w = 127 + 1) + 1;
    return v;
}
