// Loom §4.4: swap on elements with variable indices exchanges the elements themselves
// (Loom swaps a temporary and leaves the array unchanged).
// expect: a = {3, 2, 1}
int main() {
    int a[3] = {1, 2, 3};
    int i = 0;
    int j = 2;
    swap(a[i], a[j]);
    return 0;
}
