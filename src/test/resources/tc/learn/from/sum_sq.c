/* the sum of the squares of the words: not a task of the suite */
int sum_sq(int a[], int n) {
    int s = 0;
    for (int i = 0; i < n; i++) s += a[i] * a[i];
    return s;
}
