// Towers of Hanoi: 2^n - 1 moves, counted in a global.
// expect: moves = 31
// expect: retval 31
int moves;

void hanoi(int n, int from, int to, int via) {
    if (n == 0) return;
    hanoi(n - 1, from, via, to);
    moves = moves + 1;
    hanoi(n - 1, via, to, from);
}

int main() {
    hanoi(5, 1, 3, 2);
    return moves;
}
