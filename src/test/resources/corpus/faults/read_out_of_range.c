// config: 155x1024
// Reading through a negative index wraps to a pointer of 200 or more: outside the 64 cells.
// expect: fault pointer-out-of-range
int g[2];

int main() {
    int i = -60;
    int x = g[i];
    return x;
}
