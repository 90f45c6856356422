// Case labels are constant expressions.
// expect error: 5:23 case label is not a constant expression
int main() {
    int k = 2;
    switch (k) { case k: return 1; }
    return 0;
}
