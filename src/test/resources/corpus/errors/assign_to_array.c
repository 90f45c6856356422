// An array's name is its address, fixed: it cannot be assigned, even from a pointer.
// expect error: 6:5 cannot assign to array 'a'
int main() {
    int a[2];
    int b[2];
    a = b;
    return 0;
}
