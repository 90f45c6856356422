// Loom §4.7: the primes demo counts 4 primes up to 10 (Loom ignores `return 0` and gives 9).
// expect: retval 4
int is_prime(int p) {
    int d = 2;
    while (d < p) {
        int rem = p;
        while (rem >= d) {
            rem = rem - d;
        }
        if (rem == 0) {
            return 0;
        }
        d += 1;
    }
    return 1;
}

int main() {
    int count = 0;
    int p = 2;
    while (p <= 10) {
        if (is_prime(p)) {
            count += 1;
        }
        p += 1;
    }
    return count;
}
