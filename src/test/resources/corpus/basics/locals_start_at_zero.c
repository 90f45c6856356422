// Locals without an initializer start at 0.
// expect: retval 5
// expect: x = 5
// expect: y = 5
// expect: z = 0
int main() {
    int x;
    int y = 5;
    int z;
    x = x + y;
    return x + z;
}
