// config: 164x2048
// An array longer than the 8-bit int range. Its size is a count of cells, not an int value, so
// int a[200] is accepted where memory has room. Index 199 cannot be written as an 8-bit literal,
// but the index -57 wraps to the unsigned pointer base + 199: pointers are unsigned N-bit words.
int a[200];
int main() {
    int last = -57;
    a[last] = 7;
    a[0] = 5;
    int sum = 0;
    int i = 0;
    while (i < 100) { a[i] = 1; sum += a[i]; i++; }
    return a[last] + sum;
}
// expect: retval 107
// expect: sum = 100
