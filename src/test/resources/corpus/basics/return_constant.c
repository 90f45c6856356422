// The smallest program: main's return value lands in __retval.
// expect: retval 13
int main() {
    return 13;
}
