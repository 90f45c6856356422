// demo: Snake on an 8x8 board, steered by a scripted list of moves; it eats and grows
// show: chars 8x8 from outputs as ".o@*" titled frame
// config: 146x512
// steps: 9364
// expect: retval 3
// expect: output 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1 2 0 3 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
// expect: output 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1 2 3 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
// expect: output 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1 1 2 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 3 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
// expect: output 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1 1 2 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 3 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
// expect: output 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1 1 0 0 0 0 0 0 0 2 0 0 0 0 0 0 0 0 0 0 0 0 3 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
// expect: output 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 2 0 0 0 0 3 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
// expect: output 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 1 0 0 0 0 3 0 0 2 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
// expect: output 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 1 0 0 0 0 3 0 2 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
// expect: output 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 3 2 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
// expect: output 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 3 2 1 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
// expect: output 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 2 1 1 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
// expect: output 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 2 0 0 0 0 0 0 0 1 1 1 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
// expect: output 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 2 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 1 1 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
// board cells: 0 empty, 1 body, 2 head, 3 food
int board[64];
int body[16];                               // the snake's cells, a ring from tail to head
int moves[12] = {1, 1, 1, 8, 8, 8, -1, -1, -1, -1, -8, -8};   // +1 right, -1 left, +8 down, -8 up
int food[3] = {20, 42, 41};

void show() {
    for (int i = 0; i < 64; i++) output(board[i]);
}

int main() {
    int tail = 0;
    int head = 2;                           // ring positions of the tail and the head
    body[0] = 16; body[1] = 17; body[2] = 18;
    board[16] = 1; board[17] = 1; board[18] = 2;
    int eaten = 0;
    board[food[0]] = 3;
    show();
    for (int t = 0; t < 12; t++) {
        int at = body[head];
        int to = at + moves[t];
        // leaving the board or biting itself ends the game
        if (to < 0 || to >= 64 || (moves[t] == 1 && (to & 7) == 0) || (moves[t] == -1 && (at & 7) == 0)) break;
        if (board[to] == 1 || board[to] == 2) break;
        board[at] = 1;
        if (board[to] == 3) {
            eaten++;
            if (eaten < 3) board[food[eaten]] = 3;
        } else {
            board[body[tail]] = 0;
            tail = (tail + 1) & 15;
        }
        head = (head + 1) & 15;
        body[head] = to;
        board[to] = 2;
        show();
    }
    return eaten;
}
