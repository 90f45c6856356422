// ++ and --, prefix and postfix, on variables and array elements, with wrapping.
// expect: output 5 7 7 5 127 -128 -128 127
// expect: x = 5
// expect: a = {1, 3, 0}
// expect: retval 2
// expect-32: output 5 7 7 5 127 128 128 127
// expect-32: x = 5
// expect-32: a = {1, 3, 0}
// expect-32: retval 2
int main() {
    int x = 5;
    output(x++);
    output(++x);
    output(x--);
    output(--x);
    int big = 127;
    output(big++);
    output(big);
    output(big--);
    output(big);
    int a[3];
    int i = 0;
    a[i]++;
    ++a[1];
    a[1] += 1;
    a[++i]++;
    a[2]--;
    ++a[2];
    i++;
    return i;
}
