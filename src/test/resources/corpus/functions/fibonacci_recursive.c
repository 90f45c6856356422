// Doubly recursive Fibonacci.
// expect: retval 55
// expect: output 0 1 1 2 3 5 8
int fib(int n) {
    if (n < 2) return n;
    return fib(n - 1) + fib(n - 2);
}

int main() {
    for (int i = 0; i < 7; i = i + 1) output(fib(i));
    return fib(10);
}
