// Only variables and array elements can be assigned.
// expect error: 5:5 cannot assign
int main() {
    int x = 1;
    x + 1 = 2;
    return x;
}
