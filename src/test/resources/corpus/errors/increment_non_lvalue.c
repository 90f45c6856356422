// ++ needs a variable or an array element; a literal is neither.
// expect error: 5:5 cannot increment
int main() {
    int x = 1;
    5++;
    return x;
}
