/* the gcd of three positive ints (learn it with --values 1..200) */
int gcd3(int a, int b, int c) {
    while (b != 0) { int t = a % b; a = b; b = t; }
    while (c != 0) { int t = a % c; a = c; c = t; }
    return a;
}
