// ?: including nested conditionals; only the chosen branch is evaluated.
// expect: output -1 0 1 7 9
// expect: evaluated = 1
// expect: retval 3
int evaluated;

int sign(int x) {
    return x < 0 ? -1 : x > 0 ? 1 : 0;
}

int side(int v) {
    evaluated = evaluated + 1;
    return v;
}

int main() {
    output(sign(-100));
    output(sign(0));
    output(sign(100));
    int a = 7;
    int b = 3;
    output(a > b ? a : b);
    output(a < b ? side(1) : side(9));
    int c = (a == 7) ? (b == 3 ? 3 : 4) : 5;
    return c;
}
