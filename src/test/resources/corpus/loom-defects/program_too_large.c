// config: 32,64,128,8
// Loom §4.5/§9.15: a program longer than the n - s - m = 32 instruction slots is an error
// (Loom truncates it silently). Forty distinct outputs need at least forty instructions.
// expect error: 5:5 program needs 42 instructions
int main() {
    output(1); output(2); output(3); output(4); output(5);
    output(6); output(7); output(8); output(9); output(10);
    output(11); output(12); output(13); output(14); output(15);
    output(16); output(17); output(18); output(19); output(20);
    output(21); output(22); output(23); output(24); output(25);
    output(26); output(27); output(28); output(29); output(30);
    output(31); output(32); output(33); output(34); output(35);
    output(36); output(37); output(38); output(39); output(40);
    return 0;
}
// The Tensor Computer has room for it.
// expect-32: output 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20
// expect-32: output 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40
// expect-32: retval 0
