// An array name is not a value.
// expect error: 5:12 used without an index
int main() {
    int a[2] = {1, 2};
    return a + 1;
}
