// Two declarations of the same name in one scope.
// expect error: 5:9 redefinition of 'x'
int main() {
    int x = 1;
    int x = 2;
    return x;
}
