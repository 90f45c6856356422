package tc.computer.soft.parts;

/**
 * Content addressing reachable from the ISA: a memory-mapped content head over main memory (a
 * proposal for the seed machine's device registers; see docs/tensor-computer-soft-parts.md).
 *
 * <h2>Discrete definition</h2>
 * A program stores the shift to {@link #CONTENT_SHIFT} and then the key to {@link #CONTENT_KEY},
 * which runs the lookup: the head scans main memory from word 0 up and stops at the first word
 * equal to the key (a content-addressable memory with a priority encoder). Then
 * {@link #CONTENT_FOUND} reads 1 or 0, {@link #CONTENT_ADDR} the matching word's address (−1 when
 * none) and {@link #CONTENT_RESULT} the word {@code shift} places after it,
 * {@code mem[(addr + shift) mod words]} (0 when none): with shift 1, a key–value lookup in a table
 * of (key, value) pairs, the operation the CPU's soft content head ({@code SoftAddressing}) offers
 * to the learner.
 *
 * <h2>Relaxation</h2>
 * With sharpness β: the match {@code m_w = exp(−β·(mem[w] − key)²)} (1 where a word equals the
 * key), the first-match distribution {@code h_w = m_w·Π_{j<w}(1 − m_j)}, found
 * {@code F = Σ h_w}, address {@code Σ h_w·(w + 1) − 1} (so −1 when nothing matches), result
 * {@code Σ h_w·mem[(w + shift) mod words]}. On integer words and an integer key every mismatch
 * has distance ≥ 1, so once exp(−β) underflows (β ≥ 745; β = 1/τ with τ = 1e-3) the head is
 * exactly the discrete one, first match included. Unlike {@code SoftAddressing}'s normalised softmax,
 * which always lands somewhere (on the nearest word), the unnormalised match says whether the key
 * is there at all, which a device that a program tests needs. Cost: O(words) per lookup, forward
 * and backward.
 */
public final class SoftContentHead {
    /** The device register numbers (offsets from {@code Mmio.DEV_BASE}), as in {@link tc.computer.device.Mmio}. */
    public static final int CONTENT_SHIFT = tc.computer.device.Mmio.CONTENT_SHIFT, CONTENT_KEY = tc.computer.device.Mmio.CONTENT_KEY,
            CONTENT_FOUND = tc.computer.device.Mmio.CONTENT_FOUND, CONTENT_ADDR = tc.computer.device.Mmio.CONTENT_ADDR,
            CONTENT_RESULT = tc.computer.device.Mmio.CONTENT_RESULT;

    /** The discrete lookup's three readable registers. */
    public record Lookup(int found, int addr, int result) {}

    /** The discrete definition: first word equal to {@code key}, and the word {@code shift} after it. */
    public static Lookup discrete(int[] mem, int key, int shift) {
        for (int w = 0; w < mem.length; w++)
            if (mem[w] == key) return new Lookup(1, w, mem[Math.floorMod(w + shift, mem.length)]);
        return new Lookup(0, -1, 0);
    }

    private final double sharpness;
    private double[] m = new double[0], p = new double[1], h = new double[0];
    private double found, addr, result;

    /** @param sharpness β &gt; 0 (1/τ) */
    public SoftContentHead(double sharpness) {
        if (!(sharpness > 0) || Double.isInfinite(sharpness)) throw new IllegalArgumentException("the sharpness must be positive and finite, got " + sharpness);
        this.sharpness = sharpness;
    }

    /** Runs the soft lookup; read the registers with {@link #found}, {@link #addr}, {@link #result}. */
    public void lookup(double[] mem, double key, int shift) {
        int n = mem.length;
        if (m.length != n) {
            m = new double[n];
            h = new double[n];
            p = new double[n + 1];
        }
        p[0] = 1;
        found = 0;
        addr = -1;
        result = 0;
        for (int w = 0; w < n; w++) {
            double d = mem[w] - key;
            m[w] = Math.exp(-sharpness * d * d);
            h[w] = m[w] * p[w];
            p[w + 1] = p[w] * (1 - m[w]);
            found += h[w];
            addr += h[w] * (w + 1);
            result += h[w] * mem[Math.floorMod(w + shift, n)];
        }
    }

    /** CONTENT_FOUND of the last lookup: the found mass in [0, 1]. */
    public double found() { return found; }

    /** CONTENT_ADDR of the last lookup: Σ h_w·(w + 1) − 1. */
    public double addr() { return addr; }

    /** CONTENT_RESULT of the last lookup: Σ h_w·mem[(w + shift) mod words]. */
    public double result() { return result; }

    /**
     * Backward through {@link #lookup}: adds the memory's adjoint to {@code gMem} and returns the
     * key's, given the adjoints of found, addr and result.
     */
    public double backward(double[] mem, double key, int shift, double gFound, double gAddr, double gResult, double[] gMem) {
        lookup(mem, key, shift);
        int n = mem.length;
        double gKey = 0, gP = 0;
        for (int w = n - 1; w >= 0; w--) {
            int at = Math.floorMod(w + shift, n);
            double gh = gFound + gAddr * (w + 1) + gResult * mem[at];
            gMem[at] += gResult * h[w];
            double gm = (gh - gP) * p[w];
            gP = gh * m[w] + gP * (1 - m[w]);
            double dm = gm * m[w] * (-2 * sharpness * (mem[w] - key));
            gMem[w] += dm;
            gKey -= dm;
        }
        return gKey;
    }
}
