// Loom §4.4: shifts by a variable count, including 0 and counts of 8 or more.
// expect: output 1 2 -128 0 -8 -1 -1 0
// expect-32: output 1 2 128 256 -8 -1 -1 0
int main() {
    int k = 0;
    output(1 << k);
    k = 1;
    output(1 << k);
    k = 7;
    output(1 << k);
    k = 8;
    output(1 << k);
    k = 4;
    output(-128 >> k);
    k = 9;
    output(-128 >> k);
    k = 127;
    output(-1 >> k);
    output(64 >> k);
    return 0;
}
