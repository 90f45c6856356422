// word-bits: 16
// At 16 bits a variable index past 127 reaches its element (at 8 bits it would wrap negative).
// expect: retval 286
// expect: last = 145
int main() {
    int a[150];
    for (int i = 0; i < 150; i = i + 1) {
        a[i] = i - 4;
    }
    int last = a[149];
    int j = 140;
    return a[j] + last + a[9];
}
