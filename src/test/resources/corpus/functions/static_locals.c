// A static local is one variable for every call, initialised once; each function's is its own,
// even under the same name, and recursion shares it. static globals are ordinary globals.
// expect: output 1 2 3 10 11 4 3 2 1
// expect: total = 15
// expect: retval 4
static int total = 5;

int counter() {
    static int count;            // zero before the program starts
    count++;
    return count;
}

int other() {
    static int count = 10;       // a different variable from counter's
    return count++;
}

int depth(int n) {
    static const int limit = 3;
    static int calls = 0;
    calls++;
    if (n < limit) depth(n + 1);
    output(n + 1);
    return calls;
}

int main() {
    output(counter());
    output(counter());
    output(counter());
    output(other());
    output(other());
    for (int i = 0; i < 2; i++) {
        static int seen[2] = {4, 6};
        total += seen[i] + i - i;
    }
    return depth(0) + 0 * total;
}
