// All ten compound assignments, on scalars and on array elements, with wrapping.
// expect: a = -126
// expect: b = 6
// expect: c = -124
// expect: d = -3
// expect: e = -1
// expect: f = 4
// expect: g = 7
// expect: h = 6
// expect: i = -128
// expect: j = -16
// expect: arr = {13, -5, 0, -1}
// expect: retval 12
// expect-32: a = 130
// expect-32: b = 6
// expect-32: c = 132
// expect-32: d = -3
// expect-32: e = -1
// expect-32: f = 4
// expect-32: g = 7
// expect-32: h = 6
// expect-32: i = 128
// expect-32: j = -16
// expect-32: arr = {13, -5, 0, -1}
// expect-32: retval 12
int main() {
    int a = 120;
    a += 10;
    int b = 10;
    b -= 4;
    int c = 12;
    c *= 11;
    int d = -7;
    d /= 2;
    int e = -7;
    e %= 2;
    int f = 12;
    f &= 6;
    int g = 5;
    g |= 3;
    int h = 5;
    h ^= 3;
    int i = 1;
    i <<= 7;
    int j = -128;
    j >>= 3;
    int arr[4] = {10, 10, 10, 10};
    int k = 1;
    arr[0] += 3;
    arr[k] -= 15;
    arr[k + 1] %= 5;
    arr[3] /= 0;
    int r = 3;
    r += 9;
    return r;
}
