// Recursion over a global array: recursive sum and in-place recursive reverse.
// expect: retval 25
// expect: data = {9, 7, 5, 3, 1}
int data[5] = {1, 3, 5, 7, 9};

int sum_from(int i) {
    if (i == 5) return 0;
    return data[i] + sum_from(i + 1);
}

void reverse(int lo, int hi) {
    if (lo >= hi) return;
    int t = data[lo];
    data[lo] = data[hi];
    data[hi] = t;
    reverse(lo + 1, hi - 1);
}

int main() {
    int s = sum_from(0);
    reverse(0, 4);
    return s;
}
