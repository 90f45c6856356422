// word-bits: 16
// 32768 does not fit a 16-bit int.
// expect error: 5:13 out of range
int main() {
    int x = 32768;
    return x;
}
// At 32 bits the literal fits.
// expect-32: retval 32768
