// An escape C does not have is an error at its backslash.
// expect error: 4:21 unknown escape sequence '\q'
int main() {
    char c = 'a' + '\q';
    return c;
}
