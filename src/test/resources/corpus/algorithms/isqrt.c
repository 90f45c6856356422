// Integer square root by search, careful not to overflow: i <= x / i instead of i * i <= x.
// expect: output 0 1 1 3 10 11
int isqrt(int x) {
    int r = 0;
    int i = 1;
    while (i <= x / i) {
        r = i;
        i++;
    }
    return r;
}

int main() {
    output(isqrt(0));
    output(isqrt(1));
    output(isqrt(3));
    output(isqrt(15));
    output(isqrt(100));
    output(isqrt(127));
    return 0;
}
