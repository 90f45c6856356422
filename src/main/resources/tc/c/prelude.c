// Run-time library for the operators Loom has no instruction for. They must equal
// tc.isa.Word.mul/div/mod for every pair of N-bit words, so they use only + - & | ^ ~ << >>
// and comparisons. The loader replaces WORD_BITS with N, WORD_SIGN with the sign bit
// (-2^(N-1)) and WORD_MAX with 2^(N-1)-1, written as hex literals.

// Shift-and-add over the bits of b. Wraparound makes the signed product come out right.
int __mul(int a, int b) {
    int r = 0;
    while (b != 0) {
        if (b & 1) r += a;
        a <<= 1;
        b = (b >> 1) & WORD_MAX;   // logical shift, so a negative b still runs out of bits
    }
    return r;
}

// Unsigned comparison of two words: flipping the sign bit maps unsigned order onto signed order.
// Written inline below as (x ^ WORD_SIGN) >= (y ^ WORD_SIGN).

// Truncating division. Magnitudes are divided as unsigned N-bit numbers (|MIN| = 2^(N-1) is
// representable that way), then the sign is applied. x / 0 = -1 and MIN / -1 = MIN fall out.
int __div(int a, int b) {
    if (b == 0) return -1;
    int negative = 0;
    if (a < 0) { a = -a; negative = 1; }
    if (b < 0) { b = -b; negative ^= 1; }
    int q = 0;
    int r = 0;
    int i = 0;
    while (i < WORD_BITS) {
        r = (r << 1) | ((a >> (WORD_BITS - 1)) & 1);
        a <<= 1;
        q <<= 1;
        if ((r ^ WORD_SIGN) >= (b ^ WORD_SIGN)) { r -= b; q |= 1; }
        i += 1;
    }
    if (negative) q = -q;
    return q;
}

// Remainder with the sign of the dividend. x % 0 = x and MIN % -1 = 0 fall out.
int __mod(int a, int b) {
    if (b == 0) return a;
    int negative = 0;
    if (a < 0) { a = -a; negative = 1; }
    if (b < 0) b = -b;
    int r = 0;
    int i = 0;
    while (i < WORD_BITS) {
        r = (r << 1) | ((a >> (WORD_BITS - 1)) & 1);
        a <<= 1;
        if ((r ^ WORD_SIGN) >= (b ^ WORD_SIGN)) r -= b;
        i += 1;
    }
    if (negative) r = -r;
    return r;
}
