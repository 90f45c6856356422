// Loom §4.7: a[i] = a[j] + 1 must write a[0] (Loom's temporary T2 is overwritten; a[0] stays 5).
// expect: a = {10, 9}
// expect: retval 10
int main() {
    int a[2] = {5, 9};
    int i = 0;
    int j = 1;
    a[i] = a[j] + 1;
    return a[0];
}
