// A function the program defines under a builtin's name wins: every call reaches it, including
// calls written before its definition and calls whose arity differs from the builtin's.
// expect: output 7 -3 3 1 2 99 9 65 66
// expect: text = {65, 66, 0}
// expect: retval 3
int text[3];
int used;

int abs(int x) { return x; }                       // no longer makes -3 positive
int max(int a, int b, int c) { return a > b ? (a > c ? a : c) : (b > c ? b : c); }
int min(int a) { return a - 1; }
void swap(int a, int b) { output(a + b); }          // by value: swaps nothing
int mul(int a, int b) { return a + b; }
int getchar() { return 65 + used; }
void putchar(int c) { text[used] = c; used++; }

int main() {
    int a = 1, b = 2;
    output(max(3, 7, 5));
    output(abs(-3));
    swap(a, b);                                     // prints 3, leaves a and b alone
    output(a);
    output(b);
    output(min(100));
    output(mul(4, 5));
    putchar(getchar());
    putchar(getchar());
    output(text[0]);
    output(text[1]);
    return used + 1 + (mul(1, 1) - 2) * abs(0);
}
