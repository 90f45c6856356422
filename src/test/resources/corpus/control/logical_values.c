// Logical operators and comparisons as values are exactly 0 or 1.
// expect: output 1 0 1 1 0 1 1 0 2 1
int main() {
    output(!0);
    output(!5);
    output(!!-7);
    output(5 && 3);
    output(0 && 1);
    output(0 || -1);
    output(3 == 3);
    output(3 != 3);
    output((2 < 3) + (4 >= 4));
    output(!(1 > 2));
    return 0;
}
