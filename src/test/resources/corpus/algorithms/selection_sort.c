// Selection sort descending, using swap on variable-indexed elements.
// expect: a = {90, 50, 20, 10, -10, -70}
int main() {
    int a[6] = {10, -70, 50, 20, 90, -10};
    for (int i = 0; i < 5; i++) {
        int best = i;
        for (int j = i + 1; j < 6; j++) {
            if (a[j] > a[best]) best = j;
        }
        swap(a[i], a[best]);
    }
    return 0;
}
