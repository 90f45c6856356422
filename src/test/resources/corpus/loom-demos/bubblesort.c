// Loom demo "bubblesort", rewritten: six numbers sorted ascending; the smallest is 7.
// expect: retval 7
// expect: a = {7, 12, 18, 23, 34, 45}
int main() {
    int a[6] = {34, 12, 45, 7, 23, 18};
    for (int i = 0; i < 6; i += 1) {
        for (int j = 0; j < 5 - i; j += 1) {
            if (a[j] > a[j + 1]) {
                int t = a[j];
                a[j] = a[j + 1];
                a[j + 1] = t;
            }
        }
    }
    return a[0];
}
