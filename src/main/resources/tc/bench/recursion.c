// recursion.c (tc bench): doubly recursive Fibonacci, so most steps are calls, returns and
// pushes and pops on the call stack. fib(7) nests 7 deep, keeping the stack pointer below
// cell 32 (loom-v1 takes pointers modulo 32).
// expect: retval = 13
int fib(int n) {
    if (n < 2) return n;
    return fib(n - 1) + fib(n - 2);
}

int main() {
    return fib(7);
}
