// demo: Snake played with the keyboard: each run of the program makes one move; the page keeps the board in memory between runs
// show: chars 8x8 from board as ".o@*" titled board
// config: 146x512
// steps: 120
// board cells: 0 empty, 1 body, 2 head, 3 food
int board[64];
int body[16];                               // the snake's cells, a ring from tail to head
int key;                                    // written by the page before a run: 1 right, -1 left, 8 down, -8 up
int started;
int over;
int dir = 1;
int tail;
int head;
int eaten;
int food[8] = {20, 42, 41, 12, 50, 30, 5, 59};

int main() {
    if (!started) {
        head = 2;
        body[0] = 16; body[1] = 17; body[2] = 18;
        board[16] = 1; board[17] = 1; board[18] = 2;
        board[food[0]] = 3;
        started = 1;
        return 0;
    }
    if (over) return -1;
    // a key turns the snake, except straight back into itself
    if ((key == 1 || key == -1 || key == 8 || key == -8) && key != -dir) dir = key;
    int at = body[head];
    int to = at + dir;
    if (to < 0 || to >= 64 || (dir == 1 && (to & 7) == 0) || (dir == -1 && (at & 7) == 0)) { over = 1; return -1; }
    if (board[to] == 1 || board[to] == 2) { over = 1; return -1; }
    board[at] = 1;
    if (board[to] == 3) {
        eaten++;
        // the next food goes to the first free cell of the list, when there is one
        for (int f = eaten; f < 8; f++)
            if (board[food[f]] == 0 && food[f] != to) { board[food[f]] = 3; break; }
    } else {
        board[body[tail]] = 0;
        tail = (tail + 1) & 15;
    }
    head = (head + 1) & 15;
    body[head] = to;
    board[to] = 2;
    return eaten;
}
