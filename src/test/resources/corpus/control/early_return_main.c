// return in main ends the program: nothing after it runs.
// expect: retval 4
// expect: output 0 1 2 3 4
// expect: after = 0
int main() {
    int after = 0;
    for (int i = 0; i < 100; i = i + 1) {
        output(i);
        if (i == 4) {
            return i;
        }
    }
    after = 1;
    return 99;
}
