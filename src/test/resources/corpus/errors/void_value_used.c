// The result of a void function is not a value.
// expect error: 6:13 void value used
void nothing() {
}
int main() {
    int x = nothing();
    return x;
}
