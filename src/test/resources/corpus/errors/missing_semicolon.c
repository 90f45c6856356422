// A missing ';' is reported at the token that follows.
// expect error: 5:5 expected ';'
int main() {
    int x = 3
    return x;
}
