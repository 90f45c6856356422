// word-bits: 16
// At 16 bits 0xFF is 255, 0xFFFF is -1 and 0x8000 is -32768; 200 is an ordinary literal.
// expect: a = 255
// expect: b = -1
// expect: c = -32768
// expect: d = 32767
// expect: e = 200
// expect: f = -32768
// expect: retval 300
// expect-32: a = 255
// expect-32: b = 65535
// expect-32: c = 32768
// expect-32: d = 32767
// expect-32: e = 200
// expect-32: f = -32768
// expect-32: retval 300
int main() {
    int a = 0xFF;
    int b = 0xFFFF;
    int c = 0x8000;
    int d = 32767;
    int e = 200;
    int f = -32768;
    return 300;
}
