// Recursive factorial: 5! = 120 fits 8 bits.
// expect: retval 120
int fact(int n) {
    if (n <= 1) return 1;
    return n * fact(n - 1);
}

int main() {
    return fact(5);
}
