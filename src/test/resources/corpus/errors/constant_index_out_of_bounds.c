// A constant index equal to the size is outside the array.
// expect error: 5:7 out of bounds
int main() {
    int a[3];
    a[3] = 1;
    return 0;
}
