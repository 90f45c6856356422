// demo: the sum of a 16,384-word array on 256 words of main memory (demand paging; --stats shows the faults)
// expect: retval = 134209536

// 64 times main memory: every page of it is brought in by the page-fault handler, twice.
int data[16384];

int main() {
    int i;
    int sum = 0;
    for (i = 0; i < 16384; i++) data[i] = i;
    for (i = 0; i < 16384; i++) sum = sum + data[i];
    return sum;
}
