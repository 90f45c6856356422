// loop.c (tc bench): nested counting loops of additions, XORs, shifts and masks; no memory
// indexing, so every instruction is plain arithmetic and branching.
// expect: retval = 104
int main() {
    int acc = 0;
    int x = 1;
    for (int i = 0; i < 8; i += 1) {
        for (int j = 0; j < 10; j += 1) {
            acc += j ^ i;
            x = (x << 1) ^ (acc & 7);
        }
    }
    return acc ^ x;
}
