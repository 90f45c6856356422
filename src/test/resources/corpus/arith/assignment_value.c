// Assignment is an expression whose value is the stored (wrapped) value; chains go right to left.
// expect: x = 9
// expect: y = 9
// expect: z = 9
// expect: w = -128
// expect: retval -127
int main() {
    int x;
    int y;
    int z;
    x = y = z = 9;
    int w;
    int v = (w = 127 + 1) + 1;
    return v;
}
