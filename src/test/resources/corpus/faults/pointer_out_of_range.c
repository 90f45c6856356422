// config: 155x1024
// A variable index far past the array points outside the 64 memory cells: a fault.
// The outputs before it still happen.
// expect: output 1 2
// expect: fault pointer-out-of-range
int main() {
    int a[4];
    int i = 100;
    output(1);
    output(2);
    a[i] = 5;
    output(3);
    return a[0];
}
