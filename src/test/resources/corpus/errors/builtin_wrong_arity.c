// Builtins have fixed arities too.
// expect error: 5:12 expects 2 arguments
int main() {
    int x = 5;
    return max(x);
}
