// Each call's result is its own: f(1) + f(10) adds two different values.
// expect: retval 22
// expect: output 33 5
int f(int x) {
    return x + x;
}

int g(int x) {
    return x + 1;
}

int main() {
    output(f(1) + f(10) + g(10));
    output(g(f(g(1))));
    return f(1) + f(10);
}
