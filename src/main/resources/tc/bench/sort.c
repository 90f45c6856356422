// sort.c (tc bench): insertion sort of eight numbers in a global array, read and written
// through pointers (LOAD/STORE); the array lies below cell 32 (loom-v1's pointer band).
// expect: retval = 81
int a[8] = {34, -12, 45, 7, 23, -18, 99, 0};

int main() {
    for (int i = 1; i < 8; i += 1) {
        int v = a[i];
        int j = i - 1;
        while (j >= 0 && a[j] > v) {
            a[j + 1] = a[j];
            j -= 1;
        }
        a[j + 1] = v;
    }
    return a[0] + a[7];
}
