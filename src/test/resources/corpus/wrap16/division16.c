// word-bits: 16
// Division and remainder at 16 bits, including the overflow and zero cases.
// expect: output -32768 0 -1 1000 -3 -1 333 1
// expect-32: output 32768 0 -1 1000 -3 -1 333 1
int main() {
    int lo = -32768;
    int m1 = -1;
    int zero = 0;
    output(lo / m1);
    output(lo % m1);
    output(1000 / zero);
    output(1000 % zero);
    output(-10 / 3);
    output(-10 % 3);
    output(1000 / 3);
    output(1000 % 3);
    return 0;
}
