// word-bits: 16
// Repeated multiplication at 16 bits: 3^9 = 19683 fits, 3^10 = 59049 wraps to -6487.
// expect: output 19683 -6487 1024 0
// expect-32: output 19683 59049 1024 65536
int power(int b, int e) {
    int r = 1;
    while (e > 0) {
        r = r * b;
        e = e - 1;
    }
    return r;
}

int main() {
    output(power(3, 9));
    output(power(3, 10));
    output(power(2, 10));
    output(power(2, 16));
    return 0;
}
