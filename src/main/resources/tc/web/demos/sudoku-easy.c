// demo: Sudoku, the web page's variant: the classic puzzle with only its last two rows' blanks left, solved by the same backtracking (the full puzzle is 1.1M steps, too many for a page on a transformer engine)
// word-bits: 16
// show: chars 9x9 from outputs as ".123456789" titled puzzle,solved
// config: 164x2048
// steps: 8553
// expect: output 5 3 4 6 7 8 9 1 2 6 7 2 1 9 5 3 4 8 1 9 8 3 4 2 5 6 7 8 5 9 7 6 1 4 2 3 4 2 6 8 5 3 7 9 1 7 1 3 9 2 4 8 5 6 9 6 1 5 3 7 2 8 4 0 0 0 4 1 9 0 0 5 0 0 0 0 8 0 0 7 9
// expect: output 5 3 4 6 7 8 9 1 2 6 7 2 1 9 5 3 4 8 1 9 8 3 4 2 5 6 7 8 5 9 7 6 1 4 2 3 4 2 6 8 5 3 7 9 1 7 1 3 9 2 4 8 5 6 9 6 1 5 3 7 2 8 4 2 8 7 4 1 9 6 3 5 3 4 5 2 8 6 1 7 9
// Given cells are stored negated while solving, so the search can tell them from its guesses.
int board[81] = {
    5, 3, 4, 6, 7, 8, 9, 1, 2,
    6, 7, 2, 1, 9, 5, 3, 4, 8,
    1, 9, 8, 3, 4, 2, 5, 6, 7,
    8, 5, 9, 7, 6, 1, 4, 2, 3,
    4, 2, 6, 8, 5, 3, 7, 9, 1,
    7, 1, 3, 9, 2, 4, 8, 5, 6,
    9, 6, 1, 5, 3, 7, 2, 8, 4,
    0, 0, 0, 4, 1, 9, 0, 0, 5,
    0, 0, 0, 0, 8, 0, 0, 7, 9};
// a bit per digit for each row, column and 3x3 box: the digits already used there
int rows[9];
int cols[9];
int boxes[9];
int bit[10] = {0, 1, 2, 4, 8, 16, 32, 64, 128, 256};
int third[9] = {0, 0, 0, 1, 1, 1, 2, 2, 2};
int third3[9] = {0, 0, 0, 3, 3, 3, 6, 6, 6};

void mark(int r, int c, int b, int d) {
    rows[r] ^= bit[d];
    cols[c] ^= bit[d];
    boxes[b] ^= bit[d];
}

int main() {
    int k = 0;
    for (int r = 0; r < 9; r++)
        for (int c = 0; c < 9; c++) {
            output(board[k]);
            if (board[k]) { mark(r, c, third3[r] + third[c], board[k]); board[k] = -board[k]; }
            k++;
        }
    // walk the cells forward, guessing; a cell with no digit left sends the walk back
    k = 0;
    int r = 0;
    int c = 0;
    int dir = 1;
    int guesses = 0;
    while (k < 81) {
        int v = board[k];
        if (v >= 0) {
            int b = third3[r] + third[c];
            int used = rows[r] | cols[c] | boxes[b];
            int old = bit[v];
            used ^= old;        // this cell's own digit, if any, is free again
            v++;
            while (v <= 9 && (used & bit[v])) v++;
            if (v <= 9) { old ^= bit[v]; board[k] = v; dir = 1; guesses++; }
            else { board[k] = 0; dir = -1; }
            rows[r] ^= old;     // take back the old digit and put down the new one
            cols[c] ^= old;
            boxes[b] ^= old;
        }
        k += dir;
        c += dir;
        if (c == 9) { c = 0; r++; }
        if (c < 0) { c = 8; r--; }
    }
    for (k = 0; k < 81; k++) output(abs(board[k]));
    return guesses;
}
