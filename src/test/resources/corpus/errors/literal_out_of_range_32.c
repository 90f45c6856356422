// 2147483648 fits no int the toolkit knows, not even the Tensor Computer's 32-bit one.
// expect error: 4:13 out of range
int main() {
    int x = 2147483648;
    return x;
}
