// Unbounded recursion overflows the call stack: a fault, not a wrong answer.
// expect: fault stack-overflow
int down(int n) {
    int keep = n;
    return down(n + 1) + keep;
}

int main() {
    return down(0);
}
