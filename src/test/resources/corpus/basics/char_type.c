// char is a synonym of int (one word); character literals take C's escapes.
// expect: output 65 10 0 9 92 39 65 7
// expect: s = {72, 105, 0}
// expect: retval 3
char s[3] = {'H', 'i', '\0'};

char upper(char c) {
    if (c >= 'a' && c <= 'z') return c - 'a' + 'A';
    return c;
}

int main() {
    char a = '\x41';
    char text[4] = {'\n', '\0', '\t', '\\'};
    output(a);
    for (char i = 0; i < 4; i++) output(text[i]);
    output('\'');
    output(upper('a'));
    output('\a');
    int n = 0;
    while (s[n] != '\0') n++;
    return n + ('\101' == 'A');
}
