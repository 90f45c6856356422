/* the distance between two ints: not a task of the suite */
int dist(int a, int b) {
    int d = a - b;
    if (d < 0) d = -d;
    return d;
}
