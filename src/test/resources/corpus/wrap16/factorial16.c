// word-bits: 16
// Recursive factorial at 16 bits: 7! = 5040 fits, 8! = 40320 wraps to -25216.
// expect: output 120 720 5040 -25216
// expect-32: output 120 720 5040 40320
int fact(int n) {
    if (n <= 1) return 1;
    return n * fact(n - 1);
}

int main() {
    output(fact(5));
    output(fact(6));
    output(fact(7));
    output(fact(8));
    return 0;
}
