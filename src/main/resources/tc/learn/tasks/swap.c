/* exchange the two words of a two-word array (learn it with --train-lengths 2..2 --test-lengths 2..2) */
void swap(int a[], int n) {
    int t = a[0];
    a[0] = a[1];
    a[1] = t;
}
