// A local array is initialized afresh at each execution of its declaration.
// expect: output 1 0 0 1 0 0 1 0 0
int main() {
    for (int round = 0; round < 3; round = round + 1) {
        int a[3] = {1};
        output(a[0]);
        output(a[1]);
        output(a[2]);
        a[1] = 50;
        a[2] = 60;
    }
    return 0;
}
