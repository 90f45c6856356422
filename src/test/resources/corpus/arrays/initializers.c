// Array initializers: full, partial (the rest is 0), size from the initializer, global and local.
// expect: full = {1, 2, 3}
// expect: part = {7, 8, 0, 0, 0}
// expect: sized = {4, -5, 6, 127}
// expect: none = {0, 0, 0}
// expect: g = {-1, 2, 0, 0}
// expect: gz = {0, 0}
// expect: retval 13
int g[4] = {-1, 2};
int gz[2];

int main() {
    int full[3] = {1, 2, 3};
    int part[5] = {7, 8};
    int sized[] = {4, -5, 6, 127};
    int none[3];
    return full[0] + full[1] + part[0] + sized[2] + g[0] + gz[1] - 2;
}
