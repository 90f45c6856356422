// Block scope: inner declarations shadow outer ones and vanish at the closing brace.
// expect: output 3 2 1 2 4
// expect: retval 1
int x = 1;

int show_global() {
    return x;
}

int main() {
    int x = 2;
    {
        int x = 3;
        output(x);
    }
    output(x);
    output(show_global());
    {
        x = x + 0;
        output(x);
        int y = 4;
        output(y);
    }
    return show_global();
}
