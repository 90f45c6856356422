// demo: a text filter: console input (--stdin FILE, else the sample in its input line) upper-cased onto the console
// input: the seed machine reads its console one byte at a time.\n
// expect: console = upper(input)
// expect: retval = length(input)

int main() {
    int n = 0;
    int c = getchar();
    while (c != -1) {
        if (c >= 'a' && c <= 'z') c = c - 'a' + 'A';
        putchar(c);
        n++;
        c = getchar();
    }
    return n;
}
