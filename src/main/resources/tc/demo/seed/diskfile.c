// demo: a file on the disk: each run reads sector 0, shows what the last run wrote there, and writes it anew (run twice with --disk FILE)
// expect: retval = runs

int buf[1024];
// Zero-terminated messages, found by their index in this table.
int text[96] = {
    'n', 'o', ' ', 'f', 'i', 'l', 'e', ' ', 'o', 'n', ' ', 't', 'h', 'e', ' ', 'd', 'i', 's', 'k', ' ', 'y', 'e', 't', '\n', 0,
    'r', 'e', 'a', 'd', ' ', 'b', 'a', 'c', 'k', ':', ' ', 0,
    'w', 'r', 'i', 't', 't', 'e', 'n', ' ', 'b', 'y', ' ', 'r', 'u', 'n', ' ', 0,
    'w', 'r', 'o', 't', 'e', ' ', 't', 'h', 'e', ' ', 'f', 'i', 'l', 'e', ' ', '(', 'r', 'u', 'n', ' ', 0
};
int NO_FILE = 0;
int READ_BACK = 25;
int WRITTEN_BY = 37;
int WROTE = 53;
// "TCDF": marks sector 0 as holding this demo's file.
int MAGIC = 1413694534;

void say(int at) {
    while (text[at] != 0) {
        putchar(text[at]);
        at++;
    }
}

void say_number(int n) {
    if (n >= 10) say_number(n / 10);
    putchar('0' + n % 10);
}

int main() {
    int runs = 0;
    int i;
    sector_read(0, buf);
    if (buf[0] == MAGIC) {
        // The file: magic, run count, then the text bytes up to a 0.
        runs = buf[1];
        say(READ_BACK);
        i = 2;
        while (buf[i] != 0) {
            putchar(buf[i]);
            i++;
        }
        putchar('\n');
    } else {
        say(NO_FILE);
    }
    runs++;
    buf[0] = MAGIC;
    buf[1] = runs;
    i = 2;
    int at = WRITTEN_BY;
    while (text[at] != 0) {
        buf[i] = text[at];
        i++;
        at++;
    }
    // The run number as digits (runs < 1000 here).
    if (runs >= 100) { buf[i] = '0' + runs / 100; i++; }
    if (runs >= 10) { buf[i] = '0' + runs / 10 % 10; i++; }
    buf[i] = '0' + runs % 10;
    buf[i + 1] = 0;
    sector_write(0, buf);
    say(WROTE);
    say_number(runs);
    putchar(')');
    putchar('\n');
    return runs;
}
