// Functions share data through a global array and take indices as parameters.
// expect: v = {3, 0, 4, 0, 5, 0}
// expect: retval 12
int v[6];

void put(int i, int x) {
    v[i] = x;
}

int get(int i) {
    return v[i];
}

int main() {
    put(0, 3);
    put(2, 4);
    put(4, 5);
    return get(0) + get(2) + get(4) + get(5);
}
