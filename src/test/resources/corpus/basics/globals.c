// Globals: initialized, defaulted to 0, read and written by functions and main.
// expect: retval 42
// expect: g = 40
// expect: h = 2
// expect: k = 7
int g;
int h = 2;
int k = 7;

void bump(int by) {
    g = g + by;
}

int main() {
    bump(30);
    bump(10);
    return g + h;
}
