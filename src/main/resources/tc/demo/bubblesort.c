// demo: Bubble sort: eight numbers, shown before and after sorting
// show: numbers 8x1 from outputs titled before,after
// config: 146x512
// steps: 1096
// expect: retval -18
// expect: output 34 -12 45 7 23 -18 90 0
// expect: output -18 -12 0 7 23 34 45 90
int a[8] = {34, -12, 45, 7, 23, -18, 90, 0};

void show() {
    for (int i = 0; i < 8; i++) output(a[i]);
}

int main() {
    show();
    for (int n = 7; n > 0; n--) {          // after each pass the largest of a[0..n] sits at a[n]
        for (int j = 0; j < n; j++) {
            if (a[j] > a[j + 1]) swap(a[j], a[j + 1]);
        }
    }
    show();
    return a[0];
}
