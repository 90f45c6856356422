// 128 does not fit an 8-bit int (only -128 does, as one literal).
// expect error: 4:13 out of range
int main() {
    int x = 128;
    return x;
}
// At 32 bits the literal fits.
// expect-32: retval 128
