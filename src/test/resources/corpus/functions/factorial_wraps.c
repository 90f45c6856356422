// 6! = 720 wraps modulo 256 to -48 at 8 bits; 7! continues from the wrapped value.
// expect: output 1 2 6 24 120 -48 -80
// expect-32: output 1 2 6 24 120 720 5040
int fact(int n) {
    if (n == 0) return 1;
    return mul(n, fact(n - 1));
}

int main() {
    for (int i = 1; i <= 7; i = i + 1) {
        output(fact(i));
    }
    return 0;
}
