// A program needs main.
// expect error: 6:1 no 'main' function
int helper() {
    return 1;
}
