// Division by zero and the one overflowing division follow the RISC-V conventions.
// expect: output -1 -1 -1 7 -7 0 -128 0 -128 127 0 -1
// expect-32: output -1 -1 -1 7 -7 0 128 0 -128 127 0 -1
int main() {
    int zero = 0;
    int min = -128;
    int m1 = -1;
    output(7 / zero);
    output(-7 / zero);
    output(0 / zero);
    output(7 % zero);
    output(-7 % zero);
    output(0 % zero);
    output(min / m1);
    output(min % m1);
    output(min % zero);
    output(127 / 1);
    output(-128 % 2);
    output(min / 127);
    return 0;
}
