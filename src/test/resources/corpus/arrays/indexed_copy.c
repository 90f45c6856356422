// a[i] = a[j] + 1 and similar element-to-element updates with nested index expressions.
// expect: a = {10, 9, 8, 5}
// expect: b = {10, 8, 9, 10}
int main() {
    int a[4] = {5, 9, 0, 0};
    int b[4];
    int i = 0;
    int j = 1;
    a[i] = a[j] + 1;
    a[j + 1] = a[j] - 1;
    a[a[2] - 5] = a[i] - a[j] + 4;
    for (int k = 0; k < 4; k = k + 1) {
        b[3 - k] = a[k];
    }
    b[0] = b[b[0] - 2];
    return 0;
}
