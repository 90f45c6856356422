// A while loop summing 1..10.
// expect: retval 55
// expect: i = 11
// expect: s = 55
int main() {
    int i = 1;
    int s = 0;
    while (i <= 10) {
        s = s + i;
        i = i + 1;
    }
    return s;
}
