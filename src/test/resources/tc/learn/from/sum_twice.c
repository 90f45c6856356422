/* twice the sum of the words: not a task of the suite */
int sum_twice(int a[], int n) {
    int s = 0;
    for (int i = 0; i < n; i++) s += 2 * a[i];
    return s;
}
