// A character that starts no token.
// expect error: 4:15 unexpected character
int main() {
    int x = 3 @ 4;
    return x;
}
