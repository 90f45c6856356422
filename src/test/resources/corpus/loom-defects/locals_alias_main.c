// Loom §4.7: a function's local `i` is not main's `i` (Loom has one flat namespace and gives 9).
// expect: retval 3
// expect: i = 3
int f(int x) {
    int i = 0;
    i = x;
    return i;
}

int main() {
    int i = 3;
    f(9);
    return i;
}
