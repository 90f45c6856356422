// break and continue act on the innermost loop only.
// expect: output 0 1 3 10 11 13 20 21 23
// expect: outer = 3
int main() {
    int outer = 0;
    while (1) {
        if (outer == 3) break;
        for (int j = 0; j < 10; j = j + 1) {
            if (j == 2) continue;
            if (j == 4) break;
            output(outer * 10 + j);
        }
        outer = outer + 1;
    }
    return 0;
}
