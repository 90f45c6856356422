// '*' reads through a pointer; an int is not one.
// expect error: 5:12 '*' needs a pointer operand
int main() {
    int x = 3;
    return *x;
}
