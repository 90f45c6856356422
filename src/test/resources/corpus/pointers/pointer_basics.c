// Pointers to int: & of scalars, elements, globals and locals; * to read and write; p[i];
// arithmetic in words (p + i, p - i, p++, p - q); comparisons; pointers as parameters and results.
// expect: output 7 5 3 2 1 1 0 1 1 20 30 6 42
// expect: x = 5
// expect: y = 7
// expect: total = 42
// expect: a = {10, 20, 30, 40}
// expect: retval 3
int total;
int a[4] = {10, 20, 30, 40};

void exchange(int *p, int *q) {
    int t = *p;
    *p = *q;
    *q = t;
}

int *find(int *from, int *to, int v) {       // a pointer result; 0 when absent
    for (int *p = from; p < to; p++) if (*p == v) return p;
    return 0;
}

void add(int *acc, int v) { *acc += v; }

int main() {
    int x = 5, y = 7;
    exchange(&x, &y);
    output(x);
    output(y);
    exchange(&x, &y);                        // and back
    int *p = &a[1];
    int *q = a + 3;
    output(q - a);
    output(q - p);
    output(p - a);
    output(p < q);
    output(p >= q);
    output(p != q && p == &a[1]);
    output(find(a, a + 4, 40) == q);
    output(p[0]);
    p++;
    output(*p);
    output(find(a, a + 4, 99) == 0 ? 6 : 0);
    add(&total, 40);
    add(&total, 2);
    int *r = &total;
    output(*r);
    *(a + 0) = *(a + 0);                     // a store through an address
    return p - a + (q > p);
}
