// Insertion sort of eight values including both extremes.
// expect: a = {-128, -5, 0, 3, 3, 42, 100, 127}
int main() {
    int a[8] = {42, -5, 127, 3, -128, 100, 0, 3};
    for (int i = 1; i < 8; i++) {
        int key = a[i];
        int j = i - 1;
        while (j >= 0 && a[j] > key) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = key;
    }
    return 0;
}
