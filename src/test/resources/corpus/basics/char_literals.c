// Character literals are their codes.
// expect: a = 65
// expect: digit = 55
// expect: nl = 10
// expect: z = 122
// expect: retval 32
int main() {
    int a = 'A';
    int digit = '0' + 7;
    int nl = '\n';
    int z = 'z';
    return 'a' - 'A';
}
