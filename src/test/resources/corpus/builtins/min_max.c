// min and max are exact for every pair, including ones whose difference overflows.
// expect: output 100 -100 127 -128 3 3 -1 -1 0 -128 127 5
int main() {
    int a = 100;
    int b = -100;
    output(max(a, b));
    output(min(a, b));
    output(max(-128, 127));
    output(min(127, -128));
    output(max(3, 3));
    output(min(3, 3));
    output(max(-1, -128));
    output(min(-1, 127));
    output(max(0, -128));
    output(min(0, -128));
    output(max(127, 0));
    output(max(min(9, 5), min(5, 2)));
    return 0;
}
