// Arrays are passed by reference, as the address of their first element: int a[] and int *a
// mean the same, and the callee reads and writes the caller's array (local or global).
// expect: output 15 10 4 3 2 1 0 9
// expect: g = {0, 1, 2, 3, 4}
// expect: loc = {8, 6, 4, 2}
// expect: retval 9
int g[5];

void fill(int a[], int n) {
    for (int i = 0; i < n; i++) a[i] = i;
}

int sum(int *a, int n) {
    int s = 0;
    while (n > 0) s += a[--n];
    return s;
}

void reverse(int a[5], int n) {             // a size in the brackets is ignored, as in C
    for (int i = 0, j = n - 1; i < j; i++, j--) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

int largest(const int a[], int n) {           // a binary search would do; this one recurses
    if (n == 1) return a[0];
    int rest = largest(a + 1, n - 1);
    return a[0] > rest ? a[0] : rest;
}

int main() {
    int loc[4] = {2, 4, 6, 8};
    fill(g, 5);
    output(sum(g + 1, 4) + sum(g, 1) + 5);   // 1+2+3+4 + 0 + 5
    output(sum(g, 5));
    reverse(g, 5);
    for (int i = 0; i < 5; i++) output(g[i]);
    reverse(g, 5);
    reverse(loc, 4);
    output(largest(g, 5) + loc[3] + 3);      // 4 + 2 + 3
    return largest(loc, 4) + 1;
}
