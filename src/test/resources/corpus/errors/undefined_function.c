// Calling a function that does not exist.
// expect error: 4:12 undefined function 'foo'
int main() {
    return foo(1);
}
