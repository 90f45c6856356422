// Loom §4.7: (a+b) + ((c+1) < d) is 30 + 1 (Loom's T0 is overwritten and gives 3).
// expect: retval 31
int main() {
    int a = 10;
    int b = 20;
    int c = 1;
    int d = 5;
    return (a + b) + ((c + 1) < d);
}
