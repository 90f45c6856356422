/* A block comment
   spanning lines, before any code. */
// expect: retval 6
int main() {
    int x = 1; // a line comment after code
    /* inline */ x = x + /* in the middle */ 2;
    // x = 100;
    /* x = 100; */
    return x + 3;
}
