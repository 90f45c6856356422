// & | ^ ~ on 8-bit patterns.
// expect: output -96 0 7 -1 8 -86 6 90 0 -128 127 -1 0 -6
int main() {
    output(-16 & -86);
    output(127 & 0);
    output(15 & 7);
    output(-16 | 15);
    output(8 | 0);
    output(85 ^ -1);
    output(5 ^ 3);
    output(-16 ^ -86);
    output(127 ^ 127);
    output(~127);
    output(~-128);
    output(~0);
    output(~-1);
    output(~5);
    return 0;
}
