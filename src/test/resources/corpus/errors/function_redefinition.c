// Two definitions of the same function.
// expect error: 6:5 redefinition of 'f'
int f() {
    return 1;
}
int f() {
    return 2;
}
int main() {
    return f();
}
