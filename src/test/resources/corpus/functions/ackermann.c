// A small Ackermann function: deep, branching recursion.
// expect: output 2 3 5 7 9
int ack(int m, int n) {
    if (m == 0) return n + 1;
    if (n == 0) return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}

int main() {
    output(ack(0, 1));
    output(ack(1, 1));
    output(ack(1, 3));
    output(ack(2, 2));
    output(ack(2, 3));
    return 0;
}
