// demo: Selection sort: eight numbers, shown before and after sorting
// show: numbers 8x1 from outputs titled before,after
// config: 146x512
// steps: 875
// expect: retval -77
// expect: output 5 -40 99 17 -3 62 8 -77
// expect: output -77 -40 -3 5 8 17 62 99
int a[8] = {5, -40, 99, 17, -3, 62, 8, -77};

void show() {
    for (int i = 0; i < 8; i++) output(a[i]);
}

int main() {
    show();
    for (int i = 0; i < 7; i++) {
        int least = i;                      // the smallest of a[i..7] goes to a[i]
        for (int j = i + 1; j < 8; j++) {
            if (a[j] < a[least]) least = j;
        }
        swap(a[i], a[least]);
    }
    show();
    return a[0];
}
