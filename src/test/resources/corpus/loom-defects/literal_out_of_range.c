// Loom §4.5/§9.15: a literal that does not fit 8 bits is an error (Loom silently makes 200 into -56).
// expect error: 5:13 out of range
int main() {
    int y = 100;
    int x = 200;
    return x + y;
}
// At 32 bits the literal fits.
// expect-32: retval 300
