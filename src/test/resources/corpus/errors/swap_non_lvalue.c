// swap exchanges two lvalues; a constant is not one.
// expect error: 5:13 swap arguments
int main() {
    int x = 1;
    swap(x, 3);
    return x;
}
