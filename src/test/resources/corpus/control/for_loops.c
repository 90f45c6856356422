// for loops: full header, empty parts, a declaration in the header, counting down.
// expect: output 0 1 2 10 8 6 4 2
// expect: retval 5
int main() {
    int i;
    for (i = 0; i < 3; i = i + 1) {
        output(i);
    }
    for (int j = 10; j > 0; j = j - 2)
        output(j);
    int k = 0;
    for (;;) {
        k = k + 1;
        if (k == 5) break;
    }
    return k;
}
