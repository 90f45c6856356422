// Loom gives each variable of a recursive function one cell, saved and restored around the
// calls that re-enter it, so a pointer to such a variable is refused there, by name; the Tensor
// Computer keeps every activation in its own stack frame, and the program runs.
// expect error: 9:9 the address of 'here' is taken in recursive function 'depth'
// expect-32: retval 10
void bump(int *p) { *p = *p + 1; }

int depth(int n) {
    int here = n;
    bump(&here);
    if (n == 0) return here;
    return depth(n - 1) + here;
}

int main() { return depth(3); }
