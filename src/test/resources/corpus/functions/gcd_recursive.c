// Euclid's algorithm, recursive, with %.
// expect: retval 6
// expect: output 6 1 9 7
int gcd(int a, int b) {
    if (b == 0) return a;
    return gcd(b, a % b);
}

int main() {
    output(gcd(48, 18));
    output(gcd(17, 5));
    output(gcd(0, 9));
    output(gcd(7, 0));
    return gcd(18, 48);
}
