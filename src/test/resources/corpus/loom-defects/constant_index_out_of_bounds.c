// Loom §4.4/§9.15: a constant index outside the array is an error (Loom accepts a[-1]).
// expect error: 5:7 out of bounds
int main() {
    int a[4];
    a[-1] = 3;
    return a[0];
}
