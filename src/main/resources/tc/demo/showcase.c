// showcase.c: what tc compiles for the Loom ISA: recursion, arrays, loops, * / %, builtins.
// Every int is an 8-bit word here (-128..127), so the values are kept small.
//
// expect: outputs = 120, 13, 21, 10, 29, -25, 85, 9
// expect: retval = 42

int primes[10];

int fact(int n) {                 // recursion, through the call stack
    if (n <= 1) return 1;
    return n * fact(n - 1);
}

int fib(int n) {                  // a loop with the swap builtin
    int a = 0;
    int b = 1;
    while (n > 0) {
        a += b;
        swap(a, b);
        n -= 1;
    }
    return a;
}

int gcd(int a, int b) {           // Euclid's algorithm with %
    while (b != 0) { int t = a % b; a = b; b = t; }
    return a;
}

int is_prime(int p) {             // an early return from inside a loop
    int d = 2;
    while (d * d <= p) {
        if (p % d == 0) return 0;
        d += 1;
    }
    return 1;
}

int main() {
    int count = 0;
    int p;
    output(fact(5));
    output(fib(7));
    output(gcd(84, 63));
    for (p = 2; p < 30; p += 1)
        if (is_prime(p)) { primes[count] = p; count += 1; }
    output(count);
    output(primes[count - 1]);
    output(-100 >> 2);
    output(0x5A ^ 0x0F);
    output(max(abs(-9), min(3, 7)));
    return fact(5) / 3 + mul(2, 1);
}
