// do/while runs its body once even when the condition is false at the start.
// expect: once = 1
// expect: digits = 3
// expect: n = 0
// expect: retval 4
int main() {
    int once = 0;
    do {
        once = once + 1;
    } while (0);
    int n = 123;
    int digits = 0;
    do {
        n = n / 10;
        digits = digits + 1;
    } while (n != 0);
    return once + digits;
}
