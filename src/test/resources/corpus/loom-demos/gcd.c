// Loom demo "gcd", rewritten: Euclid by repeated subtraction, gcd(48, 18) = 6.
// expect: retval 6
// expect: b = 0
int main() {
    int a = 48;
    int b = 18;
    while (b != 0) {
        int r = a;
        while (r >= b) r = r - b;
        a = b;
        b = r;
    }
    return a;
}
