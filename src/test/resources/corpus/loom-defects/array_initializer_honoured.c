// Loom §4.2/§9.15: array initializers are honoured (Loom parses and ignores them).
// expect: a = {3, 1, 2}
// expect: retval 6
int main() {
    int a[3] = {3, 1, 2};
    return a[0] + a[1] + a[2];
}
