// Operator precedence and associativity follow C.
// expect: output 14 20 2 1 7 1 0 12 1 1 -8 7 2 1 1 4
int main() {
    output(2 + 3 * 4);
    output((2 + 3) * 4);
    output(8 - 4 - 2);
    output(16 / 4 / 4);
    output(1 + 2 << 1 + 0 | 1);
    output(1 | 2 & 0);
    output(1 ^ 1 | 0);
    output(3 << 2 == 12 ? 12 : 0);
    output(1 + 1 == 2 && 1 + 2);
    output(0 || 2 > 1 && 3 != 4);
    output(-2 * 4);
    output(7 & 5 ^ 3 | 1 + 0 * 9);
    output(2 * 5 % 4);
    output(5 < 3 == 0);
    output(!0 + !1 == 1);
    output(~3 & 7 >> 1 << 1);
    return 0;
}
