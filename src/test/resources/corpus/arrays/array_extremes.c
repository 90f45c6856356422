// Array elements hold the full 8-bit range and wrap when updated.
// expect: a = {-128, 127, -1, 0}
// expect-32: a = {128, -129, -1, 0}
int main() {
    int a[4] = {127, -128, 0, -1};
    a[0] += 1;
    a[1] -= 1;
    int i = 2;
    a[i] = a[i] - 1;
    a[i + 1] = a[i + 1] + 1;
    return 0;
}
