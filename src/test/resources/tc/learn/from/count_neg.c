/* how many words are negative: not a task of the suite */
int count_neg(int a[], int n) {
    int c = 0;
    for (int i = 0; i < n; i++)
        if (a[i] < 0) c = c + 1;
    return c;
}
