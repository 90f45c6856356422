// Population count by shifting and masking; the count uses >> on negative values too.
// expect: output 0 1 8 7 1 4
int popcount(int x) {
    int n = 0;
    for (int i = 0; i < 8; i++) {
        n += (x >> i) & 1;
    }
    return n;
}

int main() {
    output(popcount(0));
    output(popcount(1));
    output(popcount(-1));
    output(popcount(127));
    output(popcount(-128));
    output(popcount(0x5A));
    return 0;
}
