// C's comma in a for header: several initialisations and several updates.
int main() {
    int i, j;
    int meet = 0;
    for (i = 0, j = 9; i < j; i++, j--) meet++;
    int a[5] = {1, 2, 3, 4, 5};
    for (int lo = 0, hi = 4; lo < hi; lo++, hi--) swap(a[lo], a[hi]);
    return i * 10 + j;
}
// expect: retval 54
// expect: meet = 5
// expect: a = {5, 4, 3, 2, 1}
