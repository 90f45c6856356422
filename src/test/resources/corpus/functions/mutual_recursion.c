// Mutual recursion: is_even calls is_odd, which is defined after it.
// expect: output 1 0 0 1 1
int is_even(int n) {
    if (n == 0) return 1;
    return is_odd(n - 1);
}

int is_odd(int n) {
    if (n == 0) return 0;
    return is_even(n - 1);
}

int main() {
    output(is_even(10));
    output(is_even(7));
    output(is_odd(10));
    output(is_odd(7));
    output(is_even(0));
    return 0;
}
