// mul(a, b) is a * b wrapped to 8 bits, for every sign combination.
// expect: output 15 0 42 -12 121 35 0 -124 -128 -128 1 1 -127 -2 20
// expect-32: output 15 0 42 -12 121 35 256 132 -128 128 1 16129 -127 254 20
int main() {
    output(mul(3, 5));
    output(mul(7, 0));
    output(mul(42, 1));
    output(mul(-3, 4));
    output(mul(11, 11));
    output(mul(5, 7));
    output(mul(16, 16));
    output(mul(12, 11));
    output(mul(-128, 1));
    output(mul(-128, -1));
    output(mul(-1, -1));
    output(mul(127, 127));
    output(mul(127, -1));
    output(mul(127, 2));
    output(mul(-4, -5));
    return 0;
}
