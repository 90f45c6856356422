// Using a name that was never declared.
// expect error: 5:12 undefined variable 'y'
int main() {
    int x = 1;
    return y + x;
}
