// word-bits: 16
// 16-bit words wrap modulo 65536.
// expect: output -32768 32767 24464 -32536 -2 0 200 -25536
// expect-32: output 32768 -32769 90000 33000 65534 -65536 200 40000
int main() {
    int hi = 32767;
    int lo = -32768;
    int t = 300;
    output(hi + 1);
    output(lo - 1);
    output(t * t);
    output(32000 + 1000);
    output(hi + hi);
    output(lo + lo);
    output(100 + 100);
    output(mul(200, 200));
    return 0;
}
