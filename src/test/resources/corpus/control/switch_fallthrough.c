// switch: entry at the matching case, fall-through until break, default anywhere; break leaves
// the switch (not the loop around it) and continue goes on with the loop.
// expect: output 10 11 12 11 12 20 31 40 41 50 2 99 -5 7
// expect: skipped = 2
// expect: retval 5
int kind(int c) {
    switch (c) {
        case 'a': case 'e': case 'i':
            return 1;
        default:
            return 0;
    }
}

int main() {
    int skipped = 0;
    for (int i = 1; i <= 6; i++) {
        switch (i) {
            case 1: output(10);
            case 2 - 1 + 1: output(11);    // fall-through from 1; a constant expression as a label
                output(12);
                break;
            case 3:
                output(20);
                break;
            default:
                output(i * 10);           // 40 for 4, then falls into case 5
            case 5:
                if (i == 4) { output(41); break; }
                output(50);
                break;
            case 6:
                skipped++;
                continue;
            case 7: output(99);            // never reached
        }
        if (i == 3) output(30 + 1);
    }
    switch (2) { case 1: output(1); break; case 2: output(2); break; }
    int n = 0;
    switch (n) { }
    switch (n) { default: output(99); }
    switch (-5) { case -5: output(-5); }
    while (1) {
        switch (n) { case 0: n = 7; break; }
        break;                             // this break leaves the while
    }
    output(n);
    skipped++;
    return kind('e') + kind('x') + kind('i') + skipped * 2 - 1 + 0 * kind(0);
}
