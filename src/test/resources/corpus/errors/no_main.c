// A program needs main.
// expect error: main
int helper() {
    return 1;
}
