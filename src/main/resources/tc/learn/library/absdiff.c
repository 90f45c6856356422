int absdiff(int a, int b) {
    int d = a - b;
    if (d < 0) d = -d;
    return d;
}
