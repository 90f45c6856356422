// A block local with the same name as main's local, inside a loop, must not disturb it.
// expect: retval 3
// expect: i = 3
// expect: total = 30
int main() {
    int i = 0;
    int total = 0;
    while (i < 3) {
        int i2 = i;
        {
            int total = 100;
            total = total + i2;
        }
        total = total + 10;
        i = i + 1;
    }
    return i;
}
