// *, / and % at 8 bits: products wrap, division truncates toward zero, % takes the dividend's sign.
// expect: output 35 -12 0 -124 0 3 -3 -3 3 1 -1 1 -1 -2
// expect-32: output 35 -12 256 132 0 3 -3 -3 3 1 -1 1 -1 -254
int main() {
    int a = 7;
    int b = -7;
    output(5 * a);
    output(-3 * 4);
    output(16 * 16);
    output(12 * 11);
    output(a * 0);
    output(a / 2);
    output(b / 2);
    output(a / -2);
    output(b / -2);
    output(a % 2);
    output(b % 2);
    output(a % -2);
    output(b % -2);
    output(-128 * 127 / 64);
    return 0;
}
