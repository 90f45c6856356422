// Two case labels with the same value (after folding) are an error at the second.
// expect error: 6:14 duplicate case value 3 (first on line 5)
int main() {
    switch (1) {
        case 3: break;
        case 1 + 2: break;
    }
    return 0;
}
