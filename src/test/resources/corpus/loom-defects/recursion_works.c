// Loom §4.4/§9.13: recursion compiles and runs (Loom's compiler recurses forever).
// expect: retval 55
int sum(int n) {
    if (n == 0) return 0;
    return n + sum(n - 1);
}

int main() {
    return sum(10);
}
