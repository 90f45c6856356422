// A call with too few arguments.
// expect error: 7:12 expects 2 arguments
int add(int a, int b) {
    return a + b;
}
int main() {
    return add(1);
}
