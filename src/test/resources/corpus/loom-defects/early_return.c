// Loom §4.7: `return` must leave the function (Loom ignores the early return and gives 7).
// expect: retval 5
int f(int x) {
    if (x == 1) {
        return 5;
    }
    return 7;
}

int main() {
    return f(1);
}
