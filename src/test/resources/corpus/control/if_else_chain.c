// An else-if chain classifies each value.
// expect: output -1 0 1 2 2
int classify(int x) {
    if (x < 0) {
        return -1;
    } else if (x == 0) {
        return 0;
    } else if (x < 10) {
        return 1;
    } else {
        return 2;
    }
}

int main() {
    output(classify(-5));
    output(classify(0));
    output(classify(9));
    output(classify(10));
    output(classify(127));
    return 0;
}
