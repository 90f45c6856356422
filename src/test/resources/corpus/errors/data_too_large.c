// word-bits: 16
// 300 cells of data fit no configuration (the largest has m = 224).
// expect error: 5:9 data needs 310 memory cells
int main() {
    int a[300];
    a[0] = 1;
    return a[0];
}
// At 32 bits (--target tc) memory grows to fit: expect-32 lines state that run.
// expect-32: retval 1
