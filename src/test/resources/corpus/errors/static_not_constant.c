// A static local is initialised once, before the program runs: its initializer is a constant.
// expect error: 4:23 initializer of static 'seen' is not a constant
int f(int x) {
    static int seen = x;
    return seen;
}
int main() { return f(1); }
