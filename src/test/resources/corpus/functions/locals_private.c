// A function's locals and parameters never alias main's variables of the same name.
// expect: retval 3
// expect: i = 3
// expect: x = 4
int f(int x) {
    int i = 0;
    i = x;
    x = 100;
    return i;
}

int main() {
    int i = 3;
    int x = 4;
    f(9);
    f(x);
    return i;
}
