// Loom demo "collatz", rewritten: 6 -> 3 -> 10 -> 5 -> 16 -> 8 -> 4 -> 2 -> 1 is 8 steps.
// expect: retval 8
// expect: n = 1
// expect: output 3 10 5 16 8 4 2 1
int main() {
    int n = 6;
    int steps = 0;
    while (n != 1) {
        if (n & 1) {
            n = 3 * n + 1;
        } else {
            n = n >> 1;
        }
        output(n);
        steps += 1;
    }
    return steps;
}
