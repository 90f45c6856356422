// continue in for runs the update; in do/while it goes to the condition; in while to the test.
// expect: output 1 3 5 1 3 5 1 3 5
int main() {
    for (int i = 0; i < 6; i = i + 1) {
        if (i % 2 == 0) continue;
        output(i);
    }
    int j = 0;
    do {
        j = j + 1;
        if (j % 2 == 0) continue;
        output(j);
    } while (j < 6);
    int k = 0;
    while (k < 6) {
        k = k + 1;
        if ((k & 1) == 0) continue;
        output(k);
    }
    return 0;
}
