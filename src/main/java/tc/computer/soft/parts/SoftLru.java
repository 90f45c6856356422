package tc.computer.soft.parts;

import java.util.Arrays;

/**
 * The soft directory of a fully associative LRU structure of n lines (the cache's tags, the TLB's
 * page numbers): the part {@link SoftCache} and {@link SoftTlb} share.
 *
 * <h2>Discrete definition</h2>
 * Each line has a tag, a valid bit and an age (accesses since its last use). An access with tag x
 * hits the valid line holding x (tags are unique among valid lines) and refreshes it; on a miss the
 * victim is the lowest-numbered free line, or, when every line is valid, the line of greatest age
 * (the least recently used; valid lines have distinct ages); it is filled with x. Every access
 * ages every line by one and sets the used line's age to 0. A miss may be refused (the TLB's page
 * fault): then nothing is filled and nothing ages.
 *
 * <h2>Relaxation (one access with tag x, mass μ, fill gate φ)</h2>
 * <pre>
 *   m_l = valid_l · exp(−(tag_l − x)²/τ)             soft match of line l
 *   h_l = m_l · Π_{j&lt;l} (1 − m_j),  H = Σ h_l          hit distribution (first match), hit mass
 *   f_l = (1 − valid_l) · Π_{j&lt;l} valid_j,  A = Π valid_j   first free line, "all lines valid"
 *   e_l = f_l + A · softmax_l(age/τ)                     eviction distribution (sums to 1)
 *   M = 1 − H,  w_l = μ·M·φ·e_l,  r_l = μ·h_l + w_l       fill and use weights
 *   tag'_l = tag_l + w_l (x − tag_l),  valid'_l = valid_l + w_l (1 − valid_l)
 *   age'_l = (age_l + μ(H + Mφ)) · (1 − r_l)
 * </pre>
 * With integer tags, 0/1 valid bits, integer ages and μ, φ ∈ {0, 1}, at τ ≤ 1e-3 every
 * exponential of a mismatch (distance ≥ 1) or of an age gap (≥ 1) underflows to 0, so each
 * distribution is exactly one-hot and the update is the discrete one, bit for bit. The match is an
 * unnormalised Gaussian (not a softmax over lines) because whether any line matches is the
 * question: H is the hit probability. The stick-breaking products make "first match" and
 * "first free line" exact without a sort. Cost: O(n) per access, forward and backward.
 *
 * <p>{@link #backward} re-evaluates the access from the state before it and turns the adjoint of
 * the state after it into the adjoint of the state before it, plus those of x, μ and φ. Not
 * thread-safe: one instance per thread (intermediates are kept in fields; nothing is allocated per
 * access).
 */
public final class SoftLru {
    private final int n;
    private final double tau;
    private final double[] d, k, m, p, h, q, f, s, e, w, r, gh, ge, gf, gs;
    private double x, mu, phi, hit, miss, all, inc;
    private double gX, gMu, gPhi;

    /** @param lines n ≥ 1; @param tau the temperature of the match and of the eviction softmax */
    public SoftLru(int lines, double tau) {
        if (lines < 1) throw new IllegalArgumentException("an LRU structure needs at least one line, got " + lines);
        if (!(tau > 0) || Double.isInfinite(tau)) throw new IllegalArgumentException("temperature must be positive and finite, got " + tau);
        this.n = lines;
        this.tau = tau;
        d = new double[n]; k = new double[n]; m = new double[n]; h = new double[n]; f = new double[n];
        s = new double[n]; e = new double[n]; w = new double[n]; r = new double[n];
        gh = new double[n]; ge = new double[n]; gf = new double[n]; gs = new double[n];
        p = new double[n + 1];
        q = new double[n + 1];
    }

    /** Lines n. */
    public int lines() { return n; }

    /** The temperature of the match and the eviction softmax. */
    public double tau() { return tau; }

    /** Tags, valid bits and ages of the lines (the soft state; real numbers). */
    public static final class State {
        public final double[] tag, valid, age;

        /** n free lines (tags 0, invalid, age 0). */
        public State(int lines) {
            tag = new double[lines];
            valid = new double[lines];
            age = new double[lines];
        }

        public State copy() {
            State c = new State(tag.length);
            c.copyFrom(this);
            return c;
        }

        public void copyFrom(State o) {
            System.arraycopy(o.tag, 0, tag, 0, tag.length);
            System.arraycopy(o.valid, 0, valid, 0, valid.length);
            System.arraycopy(o.age, 0, age, 0, age.length);
        }
    }

    /** Computes the access's intermediates from {@code st} (which it does not change). */
    public void evaluate(State st, double x, double mu, double phi) {
        this.x = x;
        this.mu = mu;
        this.phi = phi;
        p[0] = 1;
        q[0] = 1;
        hit = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < n; l++) {
            double v = st.valid[l];
            d[l] = st.tag[l] - x;
            k[l] = Math.exp(-d[l] * d[l] / tau);
            m[l] = v * k[l];
            h[l] = m[l] * p[l];
            p[l + 1] = p[l] * (1 - m[l]);
            hit += h[l];
            f[l] = (1 - v) * q[l];
            q[l + 1] = q[l] * v;
            max = Math.max(max, st.age[l]);
        }
        all = q[n];
        double sum = 0;
        for (int l = 0; l < n; l++) sum += s[l] = Math.exp((st.age[l] - max) / tau);
        for (int l = 0; l < n; l++) s[l] /= sum;
        miss = 1 - hit;
        inc = mu * (hit + miss * phi);
        for (int l = 0; l < n; l++) {
            e[l] = f[l] + all * s[l];
            w[l] = mu * miss * phi * e[l];
            r[l] = mu * h[l] + w[l];
        }
    }

    /** Moves {@code st} on by the access last {@link #evaluate evaluated} on it. */
    public void apply(State st) {
        for (int l = 0; l < n; l++) {
            st.tag[l] += w[l] * (x - st.tag[l]);
            st.valid[l] += w[l] * (1 - st.valid[l]);
            st.age[l] = (st.age[l] + inc) * (1 - r[l]);
        }
    }

    /** H: the probability that the last evaluated access hit. */
    public double hit() { return hit; }

    /** Probability that line l served the last evaluated access as a hit (h_l). */
    public double hitAt(int l) { return h[l]; }

    /** The fill weight w_l of line l in the last evaluated access. */
    public double fillAt(int l) { return w[l]; }

    /** The eviction distribution e_l (where a miss would be filled). */
    public double victimAt(int l) { return e[l]; }

    /**
     * Backward through one access. Re-evaluates it from {@code before}; {@code g} holds the adjoint
     * of the state after the access on entry and that of the state before it on return.
     * Extra adjoints from a caller that reads the intermediates: {@code gHit} on H, {@code gMiss}
     * on M, {@code gHitAt[l]} on h_l and {@code gFillAt[l]} on w_l (either array may be null).
     * The adjoints of x, μ and φ are then in {@link #gradX}, {@link #gradMass}, {@link #gradGate}.
     */
    public void backward(State before, double x, double mu, double phi, State g,
                         double gHit, double gMiss, double[] gHitAt, double[] gFillAt) {
        evaluate(before, x, mu, phi);
        gX = 0;
        gMu = 0;
        gPhi = 0;
        double gH = gHit, gM = gMiss, gInc = 0, gA = 0;
        for (int l = 0; l < n; l++) {
            double v = before.valid[l], t = before.tag[l], a = before.age[l];
            double gt = g.tag[l], gv = g.valid[l], ga = g.age[l];
            double gw = gt * (x - t) + gv * (1 - v) + (gFillAt == null ? 0 : gFillAt[l]);
            g.tag[l] = gt * (1 - w[l]);
            gX += gt * w[l];
            g.valid[l] = gv * (1 - w[l]);
            double gr = -ga * (a + inc);
            gInc += ga * (1 - r[l]);
            g.age[l] = ga * (1 - r[l]);
            gMu += gr * h[l];
            gh[l] = gr * mu + (gHitAt == null ? 0 : gHitAt[l]);
            gw += gr;
            gMu += gw * miss * phi * e[l];
            gM += gw * mu * phi * e[l];
            gPhi += gw * mu * miss * e[l];
            ge[l] = gw * mu * miss * phi;
        }
        gMu += gInc * (hit + miss * phi);
        gH += gInc * mu;
        gM += gInc * mu * phi;
        gPhi += gInc * mu * miss;
        gH -= gM;
        // e = f + A·s; s = softmax(age/τ)
        double dot = 0;
        for (int l = 0; l < n; l++) {
            gf[l] = ge[l];
            gA += ge[l] * s[l];
            gs[l] = ge[l] * all;
            dot += s[l] * gs[l];
        }
        for (int l = 0; l < n; l++) g.age[l] += s[l] * (gs[l] - dot) / tau;
        // f_l = (1 − v_l)·Q_l, Q_{l+1} = Q_l·v_l, A = Q_n; walk down with the adjoint of Q_{l+1}
        double gQ = gA;
        for (int l = n - 1; l >= 0; l--) {
            double v = before.valid[l];
            g.valid[l] += gQ * q[l] - gf[l] * q[l];
            gQ = gQ * v + gf[l] * (1 - v);
        }
        // h_l = m_l·P_l, P_{l+1} = P_l·(1 − m_l), H = Σ h_l; m_l = v_l·k_l, k_l = exp(−d_l²/τ)
        double gP = 0;
        for (int l = n - 1; l >= 0; l--) {
            double ghl = gh[l] + gH;
            double gm = (ghl - gP) * p[l];
            gP = ghl * m[l] + gP * (1 - m[l]);
            g.valid[l] += gm * k[l];
            double gd = gm * before.valid[l] * k[l] * (-2 * d[l] / tau);
            g.tag[l] += gd;
            gX -= gd;
        }
    }

    /**
     * Frees the line holding tag x (the cache's DMA snoop, the TLB's flush of one page) with mass
     * μ: {@code valid'_l = valid_l·(1 − μ·exp(−(tag_l − x)²/τ))}. Ages and tags stay; the
     * discrete structure frees the matching line and leaves the order of the others alone, which
     * is what ages do when nothing else changes. Exact at τ ≤ 1e-3 on integer states.
     */
    public void invalidate(State st, double x, double mu) {
        for (int l = 0; l < n; l++) {
            double dd = st.tag[l] - x;
            st.valid[l] *= 1 - mu * Math.exp(-dd * dd / tau);
        }
    }

    /**
     * Backward through {@link #invalidate}: {@code g} from after to before, as in
     * {@link #backward}; returns {gradient of x, gradient of μ}.
     */
    public double[] invalidateBackward(State before, double x, double mu, State g) {
        double gx = 0, gmu = 0;
        for (int l = 0; l < n; l++) {
            double dd = before.tag[l] - x, kk = Math.exp(-dd * dd / tau), v = before.valid[l], gv = g.valid[l];
            g.valid[l] = gv * (1 - mu * kk);
            gmu -= gv * v * kk;
            double gd = -gv * v * mu * kk * (-2 * dd / tau);
            g.tag[l] += gd;
            gx -= gd;
        }
        return new double[] {gx, gmu};
    }

    /** Frees every line with mass μ (a TLB flush of all pages): {@code valid' = valid·(1 − μ)}. */
    public void invalidateAll(State st, double mu) {
        for (int l = 0; l < n; l++) st.valid[l] *= 1 - mu;
    }

    /** Backward through {@link #invalidateAll}; returns the gradient of μ. */
    public double invalidateAllBackward(State before, double mu, State g) {
        double gmu = 0;
        for (int l = 0; l < n; l++) {
            gmu -= g.valid[l] * before.valid[l];
            g.valid[l] *= 1 - mu;
        }
        return gmu;
    }

    /** Adjoint of the tag x of the access last differentiated. */
    public double gradX() { return gX; }

    /** Adjoint of its mass μ. */
    public double gradMass() { return gMu; }

    /** Adjoint of its fill gate φ. */
    public double gradGate() { return gPhi; }

    /** Clears an adjoint state. */
    public static void clear(State g) {
        Arrays.fill(g.tag, 0);
        Arrays.fill(g.valid, 0);
        Arrays.fill(g.age, 0);
    }
}
