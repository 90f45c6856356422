// continue needs an enclosing loop.
// expect error: 4:5 'continue' outside a loop
int main() {
    continue;
    return 0;
}
