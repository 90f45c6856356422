// A block comment that never ends.
// expect error: 5:5 unterminated comment
int main() {
    int x = 1;
    /* this comment is never closed
    return x;
}
