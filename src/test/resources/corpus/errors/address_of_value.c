// '&' takes the address of a variable or an element, not of a computed value.
// expect error: 5:14 cannot take the address of this expression
int main() {
    int x = 3;
    int *p = &(x + 1);
    return *p;
}
