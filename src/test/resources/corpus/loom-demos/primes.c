// Loom demo "primes", rewritten: count primes up to 10 with an early `return 0` in is_prime.
// expect: retval 4
// expect: output 2 3 5 7
int is_prime(int p) {
    int d = 2;
    while (d < p) {
        int r = p;
        while (r >= d) r = r - d;
        if (r == 0) {
            return 0;
        }
        d += 1;
    }
    return 1;
}

int main() {
    int count = 0;
    for (int p = 2; p <= 10; p += 1) {
        if (is_prime(p)) {
            output(p);
            count += 1;
        }
    }
    return count;
}
