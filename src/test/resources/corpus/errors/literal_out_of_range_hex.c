// A hex literal wider than 8 bits.
// expect error: 5:12 out of range
int main() {
    int ok = 0xFF;
    return 0x100 + ok;
}
// At 32 bits both literals fit.
// expect-32: retval 511
