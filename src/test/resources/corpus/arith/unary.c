// Unary -, ~ and ! including on the most negative value.
// expect: output -5 5 -128 127 -1 0 1 -127 1 -6
// expect-32: output -5 5 128 127 -1 0 1 -127 1 -6
int main() {
    int x = 5;
    int lo = -128;
    output(-x);
    output(- -x);
    output(-lo);
    output(~lo);
    output(~0);
    output(!x);
    output(!!x);
    output(-127);
    output(-(-1));
    output(~x);
    return 0;
}
