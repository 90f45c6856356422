// Loom demo "fibonacci", rewritten: the 7th Fibonacci number by iteration.
// expect: retval 13
// expect: a = 13
// expect: b = 21
int main() {
    int a = 0;
    int b = 1;
    for (int k = 0; k < 7; k = k + 1) {
        int next = a + b;
        a = b;
        b = next;
    }
    return a;
}
