// word-bits: 16
// Iterative Fibonacci at 16 bits: fib(15) = 610, fib(23) = 28657, fib(24) = 46368 wraps.
// expect: output 610 28657 -19168
// expect-32: output 610 28657 46368
int fib(int n) {
    int a = 0;
    int b = 1;
    for (int i = 0; i < n; i = i + 1) {
        int t = a + b;
        a = b;
        b = t;
    }
    return a;
}

int main() {
    output(fib(15));
    output(fib(23));
    output(fib(24));
    return 0;
}
