// Linear search that stops with break; `found` stays -1 for a missing key.
// expect: found = 3
// expect: missing = -1
// expect: retval 3
int a[8] = {4, 8, 15, 16, 23, 42, 0, 0};

int main() {
    int found = -1;
    for (int i = 0; i < 8; i++) {
        if (a[i] == 16) {
            found = i;
            break;
        }
    }
    int missing = -1;
    int i = 0;
    while (i < 8) {
        if (a[i] == 99) { missing = i; break; }
        i++;
    }
    return found;
}
