// Hex literals are N-bit patterns: at 8 bits 0xFF is -1 and 0x80 is -128.
// expect: ff = -1
// expect: big = 127
// expect: sign = -128
// expect: sixteen = 16
// expect: zero = 0
// expect: mixed = -85
// expect: retval 15
// expect-32: ff = 255
// expect-32: big = 127
// expect-32: sign = 128
// expect-32: sixteen = 16
// expect-32: zero = 0
// expect-32: mixed = 171
// expect-32: retval 15
int main() {
    int ff = 0xFF;
    int big = 0x7F;
    int sign = 0x80;
    int sixteen = 0x10;
    int zero = 0x0;
    int mixed = 0xaB;
    return 0x0f;
}
