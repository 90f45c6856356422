// Calls as arguments of calls, and calls in both operands of an operator.
// expect: retval 19
int inc(int x) {
    return x + 1;
}

int twice(int x) {
    return x + x;
}

int add3(int a, int b, int c) {
    return a + b + c;
}

int main() {
    int r = add3(inc(1), twice(inc(2)), inc(twice(3)));
    return r + twice(inc(0)) + inc(inc(0));
}
