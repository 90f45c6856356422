// return from inside nested loops and nested ifs leaves the function at once.
// expect: output 32 -1 7
int find_pair(int target) {
    for (int i = 0; i < 5; i = i + 1) {
        int j = 0;
        while (j < 5) {
            if (i + j == target) {
                if (i > j) {
                    return i * 10 + j;
                }
            }
            j = j + 1;
        }
    }
    return -1;
}

int first_multiple(int k) {
    int n = 1;
    do {
        if (n % k == 0) return n;
        n = n + 1;
    } while (1);
    return -2;
}

int main() {
    output(find_pair(5));
    output(find_pair(9));
    output(first_multiple(7));
    return 0;
}
