// Loom §4.1/§9.16: * / % ++ -- break continue do are part of the language here.
// expect: retval 17
// expect: output 12 3 1 4
int main() {
    int x = 3;
    output(x * 4);
    output(15 / 4);
    output(13 % 4);
    x++;
    output(x);
    int n = 0;
    do {
        n++;
        if (n == 2) continue;
        if (n > 5) break;
    } while (1);
    return x * 4 + n / 6;
}
