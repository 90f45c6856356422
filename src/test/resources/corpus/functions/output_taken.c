// Even output may be the program's own function: its calls reach it, and the output stream stays empty.
// expect: output
// expect: last = 42
// expect: retval 2
int last;
int calls;
void output(int v) { last = v; calls++; }
int main() {
    output(41);
    output(42);
    return calls;
}
