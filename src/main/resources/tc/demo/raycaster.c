// demo: Raycaster: the view down a maze's corridors, 16x8 characters rendered into memory
// show: chars 16x8 from screen as " #=."
// config: 164x2048
// steps: 18286
// expect: retval 0
// expect: screen = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2}
// The maze is 8x8 cells, a row a bit mask (bit c: a wall in column c); positions are in
// sixteenths of a cell, so every point of the maze fits an 8-bit word.
int maze[8] = {-1, -127, -75, -111, -127, -83, -127, -1};
int bit[8] = {1, 2, 4, 8, 16, 32, 64, -128};
int screen[128];                            // 0 ceiling, 1 wall seen across x, 2 wall seen across y, 3 floor

int wall(int x, int y) { return maze[y >> 4] & bit[x >> 4]; }

int main() {
    for (int col = 0; col < 16; col++) {
        // the player stands in cell (1, 4) looking east; the rays cross a flat camera plane,
        // so the forward distance is the number of half steps and the view has no fish-eye
        int x = 24;
        int y = 72;
        int dy = col - 8;
        int t = 0;
        int side = 0;
        while (1) {
            x += 4;
            t++;
            if (wall(x, y)) { side = 1; break; }
            int ny = y + (dy >> 1);
            if (t & 1) ny = y + dy - (dy >> 1);
            if (wall(x, ny)) { side = 2; break; }
            y = ny;
        }
        int h = 56 / t;
        for (int row = 0; row < 8; row++) {
            int v = 3;
            if (row < 4) v = 0;
            if (abs(2 * row - 7) < h) v = side;
            screen[(row << 4) + col] = v;
        }
    }
    return 0;
}
