// swap on array elements with constant and variable indices, and an element with a scalar.
// expect: a = {4, 2, 3, 1, 9}
// expect: t = 5
// expect: retval 0
int main() {
    int a[5] = {1, 2, 3, 4, 5};
    int i = 0;
    int j = 3;
    swap(a[i], a[j]);
    swap(a[1], a[1]);
    int t = 9;
    swap(a[4], t);
    int k = 2;
    swap(a[k], a[k]);
    return 0;
}
