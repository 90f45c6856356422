// An endless loop of counting and arithmetic for the long-run check of the sparse engine: a
// Fibonacci sequence mod 128, a subtraction gcd of consecutive terms and a Collatz step, all on
// globals (no pointers, no calls), so it stays inside loom-v1's correct band for any step count.
int a = 0;
int b = 1;
int x = 0;
int y = 0;
int c = 27;
int steps = 0;
int main() {
    while (1) {
        int t = (a + b) & 127;
        a = b;
        b = t;
        x = a + 1;
        y = b + 1;
        while (x != y) {
            if (x > y) x -= y; else y -= x;
        }
        if (c & 1) c = (3 * c + 1) & 63; else c = c >> 1;
        if (c == 0) c = 27;
        steps += 1;
    }
    return 0;
}
