// demo: hello world over the console (putchar, one byte per store to CONSOLE_OUT)
// expect: console = hello, world\n
// expect: retval = 13

int msg[13] = {'h', 'e', 'l', 'l', 'o', ',', ' ', 'w', 'o', 'r', 'l', 'd', '\n'};

int main() {
    int i;
    for (i = 0; i < 13; i++) putchar(msg[i]);
    return i;
}
