package tc.computer.soft.parts;

/**
 * The soft TLB and page-table walk of the seed machine's MMU (user-mode translation).
 *
 * <h2>Discrete definition (the seed contract)</h2>
 * A virtual address va (0 ≤ va &lt; virtualWords) has page {@code vpn = va / pageWords} and offset
 * {@code off = va % pageWords}. The TLB ({@code entries} entries, fully associative, LRU as in
 * {@link SoftLru}) maps vpn to a frame. On a miss the walk reads the page-table RAM {@code pt}: the
 * directory entry {@code dir = pt[vpn >>> l2Bits]} (0 = no table), then the PTE
 * {@code pte = pt[dir + (vpn & (2^l2Bits − 1))] = (frame << 1) | valid}. No table or an invalid
 * PTE is a page fault: the access does not happen and the TLB is left as it was (a miss is still
 * counted). Otherwise the TLB fills the LRU victim with (vpn, frame). The physical address is
 * {@code frame·pageWords + off}.
 *
 * <h2>Relaxation</h2>
 * The lookup is {@link SoftLru}'s soft match of vpn against the entries' tags; the frame read on a
 * hit is Σ h_l·frame_l. The walk is two weighted reads of the (real-valued) page-table RAM: the
 * directory word at the integer index {@code vpn >>> l2Bits} (the page number is a discrete
 * function of the address and gets no gradient), then the PTE at the real index
 * {@code dir + (vpn & mask)} through the address kernel (two words, weight σ(logit(frac)/τ_addr)),
 * so the gradient reaches the directory word. The PTE's two fields are read by
 * piecewise-linear functions that are exact at integers and continuous in between:
 * {@code valid(pte)} = the distance from pte to the nearest even integer (0 at 2q, 1 at 2q + 1),
 * {@code frame(pte) = (pte − valid(pte))/2}; a table is present with probability
 * {@code clamp(dir, 0, 1)}. The page-fault probability of an access of mass μ is
 * {@code μ·(1 − H)·(1 − present·valid)}; the fill gate of the LRU is {@code present·valid}, so a
 * faulting miss fills nothing and ages nothing. The frame used is Σ h_l·frame_l + (1 − H)·frame(pte).
 * Equal to the discrete TLB at τ ≤ 1e-3 on integer states. Cost per access: O(entries) plus four
 * page-table reads, forward and backward.
 */
public final class SoftTlb {
    private final SoftLru lru;
    private final int pageWords, pageBits, l2Bits, pages;
    private final double addressPower;

    // intermediates of the last evaluated access
    private int vpn, dirIndex, lo, hi;
    private double off, dir, present, kw, kslope, pte, valid, frameWalk, gate, frameOut, fault;
    private final double[] ghx, gwx;

    /** The TLB's state: the directory of vpn tags, the frames, and soft hit, miss and fault counts. */
    public static final class State {
        public final SoftLru.State entries;
        public final double[] frame;
        public double hits, misses, faults;

        /** An empty TLB (every entry free). */
        public State(int entries) {
            this.entries = new SoftLru.State(entries);
            this.frame = new double[entries];
        }

        public State copy() {
            State c = new State(frame.length);
            c.entries.copyFrom(entries);
            System.arraycopy(frame, 0, c.frame, 0, frame.length);
            c.hits = hits;
            c.misses = misses;
            c.faults = faults;
            return c;
        }
    }

    /**
     * @param entries      TLB entries
     * @param pageWords    words per page (a power of two)
     * @param virtualWords the virtual address space (a power of two, a multiple of pageWords)
     * @param tau          temperature of the tag match and the eviction softmax
     * @param tauAddress   temperature of the address kernel of the PTE read, in (0, 1]
     */
    public SoftTlb(int entries, int pageWords, int virtualWords, double tau, double tauAddress) {
        if (Integer.bitCount(pageWords) != 1 || Integer.bitCount(virtualWords) != 1 || virtualWords < pageWords)
            throw new IllegalArgumentException("page words and virtual words must be powers of two with pages ≤ space, got " + pageWords + ", " + virtualWords);
        if (!(tauAddress > 0 && tauAddress <= 1)) throw new IllegalArgumentException("the address temperature must be in (0, 1], got " + tauAddress);
        this.lru = new SoftLru(entries, tau);
        this.pageWords = pageWords;
        this.pageBits = Integer.numberOfTrailingZeros(pageWords);
        this.pages = virtualWords / pageWords;
        int vpnBits = Integer.numberOfTrailingZeros(pages);
        this.l2Bits = vpnBits / 2;
        this.addressPower = 1 / tauAddress;
        ghx = new double[entries];
        gwx = new double[entries];
    }

    /** Words of the page-table RAM the contract's layout needs: the directory and every L2 table. */
    public int pageTableWords() { return (pages >>> l2Bits) + pages; }

    /** Bits of the vpn indexing an L2 table. */
    public int l2Bits() { return l2Bits; }

    private void evaluate(State st, double[] pt, double va, double mu) {
        vpn = (int) Math.floor(va) >> pageBits & (pages - 1);
        off = va - Math.floor(va / pageWords) * pageWords;
        dirIndex = vpn >>> l2Bits;
        dir = pt[dirIndex];
        present = Math.min(1, Math.max(0, dir));
        double at = dir + (vpn & ((1 << l2Bits) - 1)), fl = Math.floor(at), fr = at - fl;
        lo = Math.floorMod((long) fl, pt.length);
        hi = (lo + 1) % pt.length;
        kw = addressPower == 1 || fr == 0 ? fr : SoftMath.ramp(fr, 1 / addressPower);
        kslope = SoftMath.rampSlope(fr, 1 / addressPower);
        pte = (1 - kw) * pt[lo] + kw * pt[hi];
        valid = triangle(pte);
        frameWalk = (pte - valid) / 2;
        gate = present * valid;
        lru.evaluate(st.entries, vpn, mu, gate);
        frameOut = 0;
        for (int l = 0; l < st.frame.length; l++) frameOut += lru.hitAt(l) * st.frame[l];
        double h = lru.hit();
        frameOut += (1 - h) * frameWalk;
        fault = mu * (1 - h) * (1 - gate);
    }

    /** Distance from x to the nearest even integer: 0 at even, 1 at odd integers, linear between. */
    static double triangle(double x) {
        double u = x - 2 * Math.floor(x / 2);
        return u <= 1 ? u : 2 - u;
    }

    private static double triangleSlope(double x) {
        double u = x - 2 * Math.floor(x / 2);
        return u < 1 ? 1 : -1;
    }

    /**
     * Translates the virtual address {@code va} (mass {@code mu}: the probability that the access
     * happens) through the TLB and, on a miss, the page table {@code pt}; moves {@code st} on and
     * returns the soft physical address. {@link #lastFault} is the access's page-fault mass.
     */
    public double translate(State st, double[] pt, double va, double mu) {
        evaluate(st, pt, va, mu);
        double h = lru.hit();
        for (int l = 0; l < st.frame.length; l++) st.frame[l] += lru.fillAt(l) * (frameWalk - st.frame[l]);
        st.hits += mu * h;
        st.misses += mu * (1 - h);
        st.faults += fault;
        lru.apply(st.entries);
        return frameOut * pageWords + off;
    }

    /**
     * A store of {@code vpn} to TLB_FLUSH with mass {@code mass}: the entry of page vpn becomes
     * free, or every entry when vpn = −1 (a discrete choice, as in the contract). Frames and
     * counts do not change.
     */
    public void flush(State st, int vpn, double mass) {
        if (vpn == -1) lru.invalidateAll(st.entries, mass);
        else lru.invalidate(st.entries, vpn, mass);
    }

    /** Backward through {@link #flush}; returns the gradient of the mass. */
    public double flushBackward(State before, int vpn, double mass, State g) {
        if (vpn == -1) return lru.invalidateAllBackward(before.entries, mass, g.entries);
        return lru.invalidateBackward(before.entries, vpn, mass, g.entries)[1];
    }

    /** The page-fault mass of the access last translated or differentiated. */
    public double lastFault() { return fault; }

    /** The hit probability of the access last translated or differentiated. */
    public double lastHit() { return lru.hit(); }

    /**
     * Backward through one {@link #translate}. {@code g} holds the adjoint of the state after it on
     * entry and of the state before on return (the counts' adjoints pass through); {@code gPa} and
     * {@code gFault} are the adjoints of the returned address and of {@link #lastFault}; the
     * page-table adjoint is added to {@code gPt}. Returns {gradient of va, gradient of μ}.
     */
    public double[] backward(State before, double[] pt, double va, double mu, State g, double gPa, double gFault, double[] gPt) {
        evaluate(before, pt, va, mu);
        double h = lru.hit(), gVa = gPa, gMu = 0;
        double gFrameOut = gPa * pageWords, gFrameWalk = gFrameOut * (1 - h), gMiss = gFrameOut * frameWalk, gGate = 0;
        for (int l = 0; l < before.frame.length; l++) {
            double gf = g.frame[l], w = lru.fillAt(l);
            ghx[l] = gFrameOut * before.frame[l];
            gwx[l] = gf * (frameWalk - before.frame[l]);
            gFrameWalk += gf * w;
            g.frame[l] = gf * (1 - w) + gFrameOut * lru.hitAt(l);
        }
        double gf = g.faults + gFault;
        gMu += h * g.hits + (1 - h) * g.misses + gf * (1 - h) * (1 - gate);
        gMiss += mu * g.misses + gf * mu * (1 - gate);
        gGate -= gf * mu * (1 - h);
        lru.backward(before.entries, vpn, mu, gate, g.entries, mu * g.hits, gMiss, ghx, gwx);
        gMu += lru.gradMass();
        gGate += lru.gradGate();
        // gate = present·valid, frameWalk = (pte − valid)/2
        double gValid = gGate * present - gFrameWalk / 2, gPresent = gGate * valid;
        double gPte = gFrameWalk / 2 + gValid * triangleSlope(pte);
        double gDir = dir > 0 && dir < 1 ? gPresent : 0;
        gPt[lo] += gPte * (1 - kw);
        gPt[hi] += gPte * kw;
        gDir += gPte * kslope * (pt[hi] - pt[lo]);
        gPt[dirIndex] += gDir;
        return new double[] {gVa, gMu};
    }
}
