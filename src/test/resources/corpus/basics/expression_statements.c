// Expression statements evaluate for side effects only; a call's result may be dropped.
// expect: retval 2
// expect: calls = 2
// expect: x = 4
int calls;

int tick() {
    calls = calls + 1;
    return calls;
}

int main() {
    int x = 4;
    x + 1;
    tick();
    x;
    tick();
    return calls;
}
