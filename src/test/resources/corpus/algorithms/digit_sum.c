// Decimal digits by / and %, of positive and negative numbers.
// expect: output 1 2 7 10 -12 0
int digit_sum(int x) {
    int s = 0;
    while (x != 0) {
        s += x % 10;
        x /= 10;
    }
    return s;
}

int main() {
    output(digit_sum(1));
    output(digit_sum(11));
    output(digit_sum(106));
    output(digit_sum(127));
    output(digit_sum(-57));
    output(digit_sum(0));
    return 0;
}
