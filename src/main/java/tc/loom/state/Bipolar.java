package tc.loom.state;

/**
 * Bipolar bit vectors, the encoding of every number in the state matrix: bit 1 → +1.0, bit 0 →
 * −1.0, most significant bit first. Decoding reads a bit as 1 iff the value is &gt; 0 (so 0.0, the
 * value of unused fields, reads as 0), exactly like the reference's read-back.
 */
public final class Bipolar {
    private Bipolar() {}

    /** The low {@code bits} bits of {@code value}, MSB first. */
    public static float[] encode(long value, int bits) {
        float[] out = new float[bits];
        for (int i = 0; i < bits; i++) out[i] = ((value >>> (bits - 1 - i)) & 1) != 0 ? 1f : -1f;
        return out;
    }

    /** A signed word as two's complement (negative values get 2^bits added), MSB first. */
    public static float[] encodeSigned(int value, int bits) { return encode(value & ((1L << bits) - 1), bits); }

    /** The unsigned number a bit vector holds. */
    public static int decodeUnsigned(float[] bits) {
        int v = 0;
        for (float b : bits) v = (v << 1) | (b > 0 ? 1 : 0);
        return v;
    }

    /** The signed (two's complement) number a bit vector holds. */
    public static int decodeSigned(float[] bits) {
        int v = decodeUnsigned(bits);
        int width = bits.length;
        return (v & (1 << (width - 1))) != 0 ? v - (1 << width) : v;
    }
}
