// Parameters are passed by value in order; the callee's changes stay local.
// expect: retval 17
// expect: a = 1
// expect: output 1 2 3
int combine(int a, int b, int c) {
    output(a);
    output(b);
    output(c);
    a = a + 10;
    return a + b + c + 1;
}

int main() {
    int a = 1;
    return combine(a, 2, 3);
}
