// Two-dimensional arrays: g[i][j], rows laid out one after another; a row g[i] is the address
// of its first element, so it can be passed to a function taking int a[].
// expect: output 6 15 24 19 16
// expect: g = {1, 2, 3, 4, 5, 6, 7, 8, 9}
// expect: retval 11
int g[3][3] = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};

int rowSum(int r[], int n) {
    int s = 0;
    for (int j = 0; j < n; j++) s += r[j];
    return s;
}

int main() {
    int t[2][3];
    for (int i = 0; i < 3; i++) output(rowSum(g[i], 3));
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++) t[i][j] = g[j][i] + g[2][i];
    output(t[0][0] + t[0][1]);                // (1 + 7) + (4 + 7)
    output(t[1][2]);                          // 8 + 8
    t[1][1] += 1;
    return t[1][1] - sizeof t + 3;
}
