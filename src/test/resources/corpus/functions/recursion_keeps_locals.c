// Locals and parameters computed before a recursive call keep their values after it.
// expect: retval 15
// expect: output 1 3 6 10 15
int sum_to(int n) {
    int here = n;
    if (n == 0) return 0;
    int below = sum_to(n - 1);
    output(here + below);
    return here + below;
}

int main() {
    return sum_to(5);
}
