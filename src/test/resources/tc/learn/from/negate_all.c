/* negate every word in place: not a task of the suite */
void negate_all(int a[], int n) {
    for (int i = 0; i < n; i++) a[i] = -a[i];
}
