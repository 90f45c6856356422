/* Euclid's algorithm on positive ints (learn it with --values 1..200) */
int gcd(int a, int b) {
    while (b != 0) {
        int t = a % b;
        a = b;
        b = t;
    }
    return a;
}
