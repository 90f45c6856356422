package tc.ir;

/**
 * Arithmetic on N-bit two's-complement words: the single definition of what every operator means,
 * shared by the compiler's constant folding, the ideal interpreter and the tests.
 *
 * <p>Values are carried as Java {@code int}s already normalised to the signed range
 * [-2^(N-1), 2^(N-1)-1]. Division follows C (truncation toward zero) and, where C leaves the
 * result undefined, the RISC-V conventions: {@code x / 0 = -1}, {@code x % 0 = x},
 * {@code MIN / -1 = MIN}, {@code MIN % -1 = 0}.
 */
public final class Word {
    private Word() {}

    /** Wraps any integer to the signed N-bit range. */
    public static int wrap(long value, int bits) {
        long mask = (1L << bits) - 1;
        long low = value & mask;
        long sign = 1L << (bits - 1);
        return (int) ((low & sign) != 0 ? low - (1L << bits) : low);
    }

    /** The word read as an unsigned N-bit number, 0..2^N-1 (how pointers are interpreted). */
    public static int unsigned(int value, int bits) {
        return (int) (value & ((1L << bits) - 1));
    }

    public static int min(int bits) { return -(1 << (bits - 1)); }

    public static int max(int bits) { return (1 << (bits - 1)) - 1; }

    public static boolean fits(long value, int bits) { return value >= min(bits) && value <= max(bits); }

    public static int add(int a, int b, int bits) { return wrap((long) a + b, bits); }

    public static int sub(int a, int b, int bits) { return wrap((long) a - b, bits); }

    public static int mul(int a, int b, int bits) { return wrap((long) a * b, bits); }

    public static int div(int a, int b, int bits) {
        if (b == 0) return -1;
        return wrap((long) a / b, bits);
    }

    public static int mod(int a, int b, int bits) {
        if (b == 0) return a;
        return wrap((long) a % b, bits);
    }

    /**
     * Left shift. The count is read as an unsigned N-bit word; counts of N or more shift every
     * bit out (result 0), which is what a loop of single-bit shifts computes.
     */
    public static int shl(int a, int count, int bits) {
        long k = count & ((1L << bits) - 1); // a long, so a 32-bit count with the top bit set stays large
        return k >= bits ? 0 : wrap((long) a << (int) k, bits);
    }

    /** Arithmetic right shift, with the count read as for {@link #shl}; large counts give the sign fill. */
    public static int shr(int a, int count, int bits) {
        long k = count & ((1L << bits) - 1);
        return a >> (int) Math.min(k, 31);
    }

    public static int neg(int a, int bits) { return wrap(-(long) a, bits); }

    public static int not(int a, int bits) { return wrap(~a, bits); }
}
