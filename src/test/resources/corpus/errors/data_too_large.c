// word-bits: 16
// 300 cells of data fit no configuration (the largest has m = 224).
// expect error: memory cells
int main() {
    int a[300];
    a[0] = 1;
    return a[0];
}
