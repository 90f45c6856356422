// sizeof counts words: memory is word-addressed, so sizeof(int) is 1 and an array's size is its
// length (C's sizeof(int) would be 4 on a byte-addressed machine). The operand is not evaluated.
// const variables keep the value of their initializer.
// expect: output 1 1 1 5 5 3 1 1
// expect: x = 0
// expect: retval 12
const int table[] = {4, 8, 15, 16, 23};
const int scale = 3;
int x;

int weigh(const int w) { return w * scale; }

int main() {
    char c = 'c';
    const int n = sizeof table;
    int local[3];
    output(sizeof(int));
    output(sizeof(char));
    output(sizeof x);
    output(n);
    output(sizeof(table));
    output(sizeof local);
    output(sizeof(table[2] + c));
    output(sizeof x++);            // not evaluated: x stays 0
    int sum = 0;
    for (int i = 0; i < sizeof(table) / sizeof(table[0]); i++) sum += table[i] & 1;
    return weigh(sum * sizeof(local) / 3) + table[2] - scale * 3 - 2 + sizeof(const int) * 2 - 2 + 6 - 4;
}
