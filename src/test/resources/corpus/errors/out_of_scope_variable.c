// A block local is gone after its block.
// expect error: 7:12 undefined variable 'inner'
int main() {
    {
        int inner = 1;
    }
    return inner;
}
