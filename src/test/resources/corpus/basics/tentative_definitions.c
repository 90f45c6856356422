// File-scope declarations may repeat (C's tentative definitions): each name is one variable,
// given its contents by the one declaration with an initializer, wherever that comes.
// expect: retval 16
// expect: x = 6
// expect: a = {1, 2, 3}
// expect: y = 7
int x;
int a[3];

int read_x() {
    return x;
}

int x = 5;
int a[] = {1, 2, 3};
int y = 7;
int y;
int x;

int main() {
    x++;
    return read_x() + a[2] + y;
}
