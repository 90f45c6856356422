// demo: Flood fill: the region around a seed cell of an 8x8 picture painted, walls stop it
// show: chars 8x8 from outputs as ".#o" titled before,after
// config: 146x512
// steps: 5389
// expect: retval 34
// expect: output 0 0 0 1 0 0 0 0 0 1 0 1 0 1 1 0 0 1 0 0 0 1 0 0 0 1 1 1 1 1 0 1 0 0 0 0 0 1 0 0 1 1 1 1 0 1 1 0 0 0 0 1 0 0 1 0 0 0 0 1 0 0 1 0
// expect: output 2 2 2 1 2 2 2 2 2 1 2 1 2 1 1 2 2 1 2 2 2 1 2 2 2 1 1 1 1 1 2 1 2 2 2 2 2 1 2 2 1 1 1 1 2 1 1 2 0 0 0 1 2 2 1 2 0 0 0 1 2 2 1 2
int pic[64] = {
    0, 0, 0, 1, 0, 0, 0, 0,
    0, 1, 0, 1, 0, 1, 1, 0,
    0, 1, 0, 0, 0, 1, 0, 0,
    0, 1, 1, 1, 1, 1, 0, 1,
    0, 0, 0, 0, 0, 1, 0, 0,
    1, 1, 1, 1, 0, 1, 1, 0,
    0, 0, 0, 1, 0, 0, 1, 0,
    0, 0, 0, 1, 0, 0, 1, 0};
int todo[64];                               // cells painted but whose neighbours are not yet looked at

void show() {
    for (int i = 0; i < 64; i++) output(pic[i]);
}

int main() {
    show();
    int n = 0;
    int seed = 2;
    pic[seed] = 2;
    todo[n++] = seed;
    int painted = 1;
    while (n > 0) {
        int at = todo[--n];
        // each neighbour is painted when it is pushed, so no cell is pushed twice
        for (int d = 0; d < 4; d++) {
            int to = at;
            if (d == 0) { if (at < 8) continue; to -= 8; }
            if (d == 1) { if (at >= 56) continue; to += 8; }
            if (d == 2) { if ((at & 7) == 0) continue; to -= 1; }
            if (d == 3) { if ((at & 7) == 7) continue; to += 1; }
            if (pic[to] == 0) { pic[to] = 2; todo[n++] = to; painted++; }
        }
    }
    show();
    return painted;
}
