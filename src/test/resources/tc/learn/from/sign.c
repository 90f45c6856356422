/* -1, 0 or 1 by the sign of x: not a task of the suite */
int sign(int x) {
    if (x < 0) return -1;
    if (x > 0) return 1;
    return 0;
}
