// String literals are zero-terminated int arrays (one word a character); they initialise arrays
// and are passed where a pointer is expected.
// expect: output 5 104 105 0 3 10 65 0
// expect: greeting = {104, 105, 0}
// expect: word = {97, 98, 99, 0, 0, 0}
// expect: retval 2
int greeting[] = "hi";
char word[6] = "abc";

int length(const int *s) {
    int n = 0;
    while (s[n]) n++;
    return n;
}

int main() {
    int local[4] = "\x41\n";
    output(length("hello"));
    for (int i = 0; i < 3; i++) output(greeting[i]);
    output(length(word));
    output(local[1]);
    output(*local);
    output(local[3]);
    return sizeof greeting - 1;
}
