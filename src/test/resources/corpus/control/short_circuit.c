// && and || evaluate their right operand only when needed (seen through output).
// expect: output 1 0 0 1 5 0 6
// expect: r1 = 0
// expect: r2 = 1
// expect: r3 = 0
// expect: r4 = 1
int probe(int v) {
    output(v);
    return v;
}

int main() {
    int r1 = probe(1) && probe(0) && probe(2);
    int r2 = probe(0) || probe(1) || probe(3);
    int r3 = 0 && probe(4);
    int r4 = 1 || probe(4);
    if (probe(5) && (probe(0) || probe(6))) {
        r4 = r4 + 0;
    }
    return 0;
}
