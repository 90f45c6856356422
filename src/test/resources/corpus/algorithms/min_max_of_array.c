// Minimum, maximum and their positions in an array.
// expect: lo = -90
// expect: hi = 120
// expect: at_lo = 4
// expect: at_hi = 2
int main() {
    int a[7] = {5, -3, 120, 0, -90, 77, 119};
    int lo = a[0];
    int hi = a[0];
    int at_lo = 0;
    int at_hi = 0;
    for (int i = 1; i < 7; i++) {
        if (a[i] < lo) { lo = a[i]; at_lo = i; }
        if (a[i] > hi) { hi = a[i]; at_hi = i; }
    }
    return 0;
}
