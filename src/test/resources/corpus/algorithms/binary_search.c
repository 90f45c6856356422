// Binary search in a sorted array: found indices, and -1 for absent keys.
// expect: output 0 4 9 -1 -1 -1 6
int a[10] = {-100, -50, -7, 0, 3, 8, 15, 40, 99, 127};

int find(int key) {
    int lo = 0;
    int hi = 9;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (a[mid] == key) return mid;
        if (a[mid] < key) lo = mid + 1;
        else hi = mid - 1;
    }
    return -1;
}

int main() {
    output(find(-100));
    output(find(3));
    output(find(127));
    output(find(4));
    output(find(-128));
    output(find(126));
    output(find(15));
    return 0;
}
