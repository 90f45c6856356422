// break needs an enclosing loop.
// expect error: 5:9 'break' outside a loop
int main() {
    if (1) {
        break;
    }
    return 0;
}
