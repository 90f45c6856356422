// An unbalanced parenthesis in a condition.
// expect error: 5:16 expected ')'
int main() {
    int x = 1;
    if (x == 1 {
        x = 2;
    }
    return x;
}
