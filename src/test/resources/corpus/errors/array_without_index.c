// An array name used as a value is the address of its first element, a pointer: not an int.
// expect error: 5:12 cannot return a pointer where an int is expected
int main() {
    int a[2] = {1, 2};
    return a + 1;
}
