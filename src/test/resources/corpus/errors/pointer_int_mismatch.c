// A pointer is not an int: passing an int where a pointer parameter is expected is an error
// (0 is the one int that converts, the null pointer).
// expect error: 8:18 cannot pass an int where a pointer is expected
int first(int a[]) { return a[0]; }

int main() {
    int x = 3;
    return first(x) + first(0 + 0 * x);
}
