// An int function must return a value on every 'return'.
// expect error: 5:9 'return' without a value in function 'main' returning int
int main() {
    if (1) {
        return;
    }
    return 0;
}
