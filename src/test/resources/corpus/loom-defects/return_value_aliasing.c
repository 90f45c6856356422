// Loom §4.7: both calls' results are kept apart (Loom shares __retval and gives 40).
// expect: retval 22
// expect: r = 22
int f(int x) {
    return x + x;
}

int main() {
    int r = f(1) + f(10);
    return r;
}
