// Loom §9.13: `return` in main halts the program (Loom keeps going and overwrites __retval).
// expect: retval 1
// expect: x = 1
int main() {
    int x = 1;
    if (x == 1) {
        return 1;
    }
    x = 2;
    return 2;
}
