// A void function with an early `return;`.
// expect: output 1 2
// expect: count = 3
int count;

void step(int n) {
    count = count + 1;
    if (n > 2) {
        return;
    }
    output(n);
}

int main() {
    step(1);
    step(2);
    step(3);
    return 0;
}
