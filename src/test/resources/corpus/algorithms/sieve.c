// Sieve of Eratosthenes up to 50: 15 primes, the last one 47.
// expect: retval 15
// expect: last = 47
int composite[51];

int main() {
    int count = 0;
    int last = 0;
    for (int p = 2; p <= 50; p++) {
        if (!composite[p]) {
            count++;
            last = p;
            for (int m = p + p; m <= 50; m += p) composite[m] = 1;
        }
    }
    return count;
}
