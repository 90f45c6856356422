// Two arrays of 120 cells exceed every 8-bit configuration's memory.
// expect error: 4:5 data needs 252 memory cells
int a[120];
int b[120];
int main() {
    a[0] = 1;
    b[0] = 2;
    return a[0] + b[0];
}
// At 32 bits (--target tc) memory grows to fit.
// expect-32: retval 3
