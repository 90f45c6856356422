// output records every value in order, including repeats and extremes.
// expect: output 0 -128 127 -1 -1 3
int main() {
    int x = 3;
    output(0);
    output(-128);
    output(127);
    output(-1);
    output(-1);
    output(x);
    return x;
}
