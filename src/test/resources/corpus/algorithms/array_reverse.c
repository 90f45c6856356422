// Reverse an array in place with two moving indices.
// expect: a = {7, 6, 5, 4, 3, 2, 1}
int main() {
    int a[] = {1, 2, 3, 4, 5, 6, 7};
    int i = 0;
    int j = 6;
    while (i < j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
    }
    return 0;
}
