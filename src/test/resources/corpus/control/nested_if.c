// Nested ifs without braces: each else binds to the nearest if.
// expect: output 1 2 3 4
int pick(int a, int b) {
    if (a)
        if (b)
            return 1;
        else
            return 2;
    else if (b)
        return 3;
    return 4;
}

int main() {
    output(pick(1, 1));
    output(pick(1, 0));
    output(pick(0, 1));
    output(pick(0, 0));
    return 0;
}
