package tc.computer.soft.parts;

/**
 * The soft form of the seed machine's cache: {@code lines} lines, fully associative, LRU (free
 * lines first, lowest index first; a hit refreshes recency), write-through with write-allocate.
 * The cache holds tags and recency only (the contract's cache is write-through and DMA snoops, so
 * the value read always equals main memory); what it changes is the hit and miss counts, which the
 * soft cache keeps as soft counts: an access of mass μ adds μ·H to the hits and μ·(1 − H) to the
 * misses, H being the soft hit probability.
 *
 * <p>The directory is {@link SoftLru} with the fill gate 1 (every miss allocates). The tag of a
 * physical address a is {@code ⌊a / lineWords⌋} ({@link #tagOf}); a soft caller passes a real tag.
 * At τ ≤ 1e-3 with integer tags and μ ∈ {0, 1} the soft cache equals the discrete LRU state for
 * state (tags, valid bits, ages, counts). Cost per access: O(lines) forward and backward (at the
 * seed preset, 256 lines: a few thousand flops).
 */
public final class SoftCache {
    private final SoftLru lru;
    private final int lineWords;

    /** A soft cache's state: the directory plus the soft hit and miss counts. */
    public static final class State {
        public final SoftLru.State lines;
        public double hits, misses;

        /** An empty cache (every line free). */
        public State(int lines) { this.lines = new SoftLru.State(lines); }

        public State copy() {
            State c = new State(lines.tag.length);
            c.lines.copyFrom(lines);
            c.hits = hits;
            c.misses = misses;
            return c;
        }
    }

    /**
     * @param lines     cache lines
     * @param lineWords words per line (a power of two)
     * @param tau       temperature of the tag match and the eviction softmax
     */
    public SoftCache(int lines, int lineWords, double tau) {
        if (Integer.bitCount(lineWords) != 1) throw new IllegalArgumentException("words per line must be a power of two, got " + lineWords);
        this.lru = new SoftLru(lines, tau);
        this.lineWords = lineWords;
    }

    /** The tag of physical address {@code address}. */
    public int tagOf(int address) { return Math.floorDiv(address, lineWords); }

    /** The soft tag of a real address: the address over the line size (equal to {@link #tagOf} at multiples). */
    public double tagOf(double address) { return lineWords == 1 ? address : Math.floor(address / lineWords); }

    /** Cache lines. */
    public int lines() { return lru.lines(); }

    /** One access of tag {@code tag} with mass {@code mass} (the probability that the access happens). */
    public void access(State st, double tag, double mass) {
        lru.evaluate(st.lines, tag, mass, 1);
        st.hits += mass * lru.hit();
        st.misses += mass * (1 - lru.hit());
        lru.apply(st.lines);
    }

    /**
     * A DMA write's snoop of the line with tag {@code tag}, with mass {@code mass}: the line holding
     * it becomes free (see {@link SoftLru#invalidate}). The counts do not change.
     */
    public void invalidate(State st, double tag, double mass) { lru.invalidate(st.lines, tag, mass); }

    /** Backward through {@link #invalidate}; returns {gradient of the tag, gradient of the mass}. */
    public double[] invalidateBackward(State before, double tag, double mass, State g) {
        return lru.invalidateBackward(before.lines, tag, mass, g.lines);
    }

    /** The hit probability of the access last run or differentiated. */
    public double lastHit() { return lru.hit(); }

    /**
     * Backward through one {@link #access}: {@code g} holds the adjoint of the state after the
     * access on entry, that of the state before on return (the count adjoints pass through
     * unchanged, since the counts only add). Returns {gradient of the tag, gradient of the mass}.
     */
    public double[] backward(State before, double tag, double mass, State g) {
        lru.backward(before.lines, tag, mass, 1, g.lines, mass * g.hits, mass * g.misses, null, null);
        double h = lru.hit();
        return new double[] {lru.gradX(), lru.gradMass() + h * g.hits + (1 - h) * g.misses};
    }
}
