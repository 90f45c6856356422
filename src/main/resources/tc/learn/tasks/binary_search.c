/* the index of key in the ascending array a, or -1 (the learner's arrays are random, so most keys are absent) */
int binary_search(int a[], int n, int key) {
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (a[mid] == key) return mid;
        if (a[mid] < key) lo = mid + 1;
        else hi = mid;
    }
    return -1;
}
