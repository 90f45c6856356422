// Reads and writes through variable indices, including computed ones; the sum 140 wraps to -116.
// expect: a = {0, 1, 4, 9, 16, 25, 36, 49}
// expect: retval -116
// expect-32: a = {0, 1, 4, 9, 16, 25, 36, 49}
// expect-32: retval 140
int main() {
    int a[8];
    for (int i = 0; i < 8; i = i + 1) {
        a[i] = i * i;
    }
    int s = 0;
    int i = 7;
    while (i >= 0) {
        s = s + a[i];
        i = i - 1;
    }
    return s;
}
