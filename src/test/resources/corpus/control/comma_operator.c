// The comma operator: left to right, each item's effects before the next, the last item's value.
// expect: output 1 2 3 4 5
// expect: x = 7
// expect: y = 3
// expect: s = 8
// expect: retval 9
int g;

int bump() { g = g + 1; return g; }

int main() {
    int x = (output(1), output(2), 7);
    int y = 0;
    y = (x++, x--, x > 7) ? 99 : 3;                  // x is 8 when tested, 7 after
    int s = 0;
    for (int i = 0, j = 4; i < j; i++, j--) s += i + j + (output(i + 3), 0) * 0;  // outputs 3 4; s = 4 + 4
    output(5);
    int a[3] = {0, 0, 0};
    a[(bump(), bump())] = 6;                     // index 2
    if ((g = 0, g)) return 100;
    while (bump(), g < 3) { }
    return a[2] + g + (g, x, 0) - 0;
}
