// A local without an initializer is 0 again at each execution of its declaration.
// expect: retval 15
// expect: sum = 15
// expect: output 5 5 5
int main() {
    int sum = 0;
    int i = 0;
    while (i < 3) {
        int t;
        t = t + 5;
        output(t);
        sum = sum + t;
        i = i + 1;
    }
    return sum;
}
