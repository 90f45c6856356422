// demo: Conway's Life: a glider and a blinker on an 8x8 torus, five generations
// show: chars 8x8 from outputs as ".#" titled generation
// config: 146x512
// steps: 52316
// expect: retval 0
// expect: output 0 1 0 0 0 0 0 0 0 0 1 0 0 0 0 0 1 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
// expect: output 0 0 0 0 0 0 0 0 1 0 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0 1 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 0 0
// expect: output 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 1 0 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
// expect: output 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 0 1 1 0 0 0 0 0 1 1 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 0 0
// expect: output 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 0 1 0 0 0 0 0 1 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
int grid[64] = {
    0, 1, 0, 0, 0, 0, 0, 0,
    0, 0, 1, 0, 0, 0, 0, 0,
    1, 1, 1, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 1, 1, 1,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0};
int next[64];

int main() {
    for (int gen = 0; gen < 5; gen++) {
        for (int i = 0; i < 64; i++) output(grid[i]);
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                // the torus: row and column indices wrap with & 7
                int n = 0;
                for (int dr = 7; dr <= 9; dr++) {
                    int row = ((r + dr) & 7) << 3;
                    n += grid[row + ((c + 7) & 7)] + grid[row + ((c + 1) & 7)];
                    if (dr != 8) n += grid[row + c];
                }
                int here = (r << 3) + c;
                next[here] = n == 3 || (n == 2 && grid[here]);
            }
        }
        for (int i = 0; i < 64; i++) grid[i] = next[i];
    }
    return 0;
}
