// Counting occurrences into an array indexed by value (a[x]++ with a computed index).
// expect: count = {2, 3, 0, 1, 2}
int main() {
    int data[8] = {1, 0, 4, 1, 3, 0, 4, 1};
    int count[5];
    for (int i = 0; i < 8; i++) {
        count[data[i]]++;
    }
    return 0;
}
