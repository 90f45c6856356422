// Loops whose condition is false at once leave everything untouched.
// expect: retval 0
// expect: x = 0
int main() {
    int x = 0;
    while (0) {
        x = x + 1;
    }
    for (int i = 5; i < 5; i = i + 1) {
        x = x + 1;
    }
    while (x > 0) {
        x = x - 1;
    }
    return x;
}
