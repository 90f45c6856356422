// Fast exponentiation by squaring, recursive.
// expect: output 1 2 64 81 -128 0
// expect-32: output 1 2 64 81 128 256
int power(int b, int e) {
    if (e == 0) return 1;
    int half = power(b, e / 2);
    if (e % 2 == 0) return half * half;
    return half * half * b;
}

int main() {
    output(power(7, 0));
    output(power(2, 1));
    output(power(2, 6));
    output(power(3, 4));
    output(power(2, 7));
    output(power(2, 8));
    return 0;
}
