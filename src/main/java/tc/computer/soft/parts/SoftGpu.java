package tc.computer.soft.parts;

import tc.computer.device.Mmio;

/**
 * The soft GPU: the seed machine's seven kernels as tensor operations on a real-valued GPU memory,
 * with the kernel choice a blend.
 *
 * <h2>Discrete definition (the seed contract)</h2>
 * A launch names the kernel v and the operands: offsets A, B, C in GPU memory, lengths N, M, K and
 * the scalar S. FILL c[i] = S; ADD c[i] = a[i] + b[i]; MUL c[i] = a[i]·b[i]; SCALE c[i] = S·a[i];
 * DOT RESULT = Σ a[i]·b[i]; MATMUL C(N×M) = A(N×K)·B(K×M), row-major; RELU c[i] = max(a[i], 0);
 * i &lt; N; 32-bit wrapping integer arithmetic. Every kernel here reads all its operands before it
 * writes anything (as if C were a fresh buffer; this matters only when C overlaps A or B).
 *
 * <h2>Relaxation</h2>
 * Offsets and lengths are discrete (they decide which words take part; the discrete machine
 * faults on an operand outside memory, and so does this class, for every kernel with weight
 * above 0). The data and S are real. Each kernel's result is computed from the old memory with the
 * CPU's soft arithmetic: + and − wrapped into [−2^31, 2^31) (gradient 1), products as the CPU's
 * MUL (the wrapped product of the rounded operands plus the first-order correction, gradient
 * (b, a)), sums wrapped after every term; so results are exact 32-bit words on integer data.
 * RELU is max(a, 0) (gradient 1 above 0, 0 below) when the ReLU temperature is 0, else
 * {@code a·ramp_τ(a)}, ramp being the address kernel's smooth step (0 below 0, σ(logit(a)/τ) on
 * (0, 1), 1 above): continuously differentiable, equal to max(a, 0) at every integer for every
 * τ in (0, 1] (a² between 0 and 1 at τ = 1), and a step at ½ times a as τ → 0. Softplus
 * τ·log(1 + e^{a/τ}) was not taken: it is off by τ·log 2 at a = 0, a residue that later products
 * amplify (a one-hot DOT after a softplus RELU at τ = 1e-3 missed the integer result by 1.4e5
 * in this class's test). The choice is a distribution κ over
 * the seven kernels ({@link #choice}: softmax of logits at τ), blended NTM-style with every delta
 * taken from the old memory: {@code mem'[x] = mem[x] + Σ_k κ_k·(c_k[x] − mem[x])} over the words
 * kernel k writes, {@code RESULT' = RESULT + κ_DOT·(dot − RESULT)}. One-hot κ gives the chosen
 * kernel exactly. Cost per launch: the sum of the weighted kernels' costs (O(N) each, O(N·K·M) for
 * MATMUL); kernels of weight exactly 0 are skipped, so a one-hot launch costs what the kernel costs.
 */
public final class SoftGpu {
    /** Kernel indices into κ: the contract's GPU_RUN value minus one. */
    public static final int FILL = Mmio.GPU_FILL - 1, ADD = Mmio.GPU_ADD - 1, MUL = Mmio.GPU_MUL - 1, SCALE = Mmio.GPU_SCALE - 1,
            DOT = Mmio.GPU_DOT - 1, MATMUL = Mmio.GPU_MATMUL - 1, RELU = Mmio.GPU_RELU - 1, KERNELS = 7;
    static final String[] NAMES = {"FILL", "ADD", "MUL", "SCALE", "DOT", "MATMUL", "RELU"};

    /** A launch's discrete operands: offsets of A, B, C and the lengths N, M, K. */
    public record Launch(int a, int b, int c, int n, int m, int k) {}

    /** GPU memory (real words) and the RESULT register. */
    public static final class State {
        public final double[] mem;
        public double result;

        public State(int words) { mem = new double[words]; }

        public State copy() {
            State c = new State(mem.length);
            System.arraycopy(mem, 0, c.mem, 0, mem.length);
            c.result = result;
            return c;
        }
    }

    /** Gradients of a launch's continuous inputs besides the memory: S and the kernel weights κ. */
    public record Grad(double s, double[] weights) {}

    private final int words;
    private final double reluTau;

    /**
     * @param words   GPU memory words
     * @param reluTau 0 for RELU = max(a, 0), else the temperature τ of a·ramp_τ(a), in (0, 1]
     */
    public SoftGpu(int words, double reluTau) {
        if (words < 1) throw new IllegalArgumentException("GPU memory needs at least one word, got " + words);
        if (!(reluTau >= 0 && reluTau <= 1)) throw new IllegalArgumentException("the ReLU temperature must be in [0, 1], got " + reluTau);
        this.words = words;
        this.reluTau = reluTau;
    }

    /** κ = softmax(logits/τ) over the seven kernels. */
    public static double[] choice(double[] logits, double tau) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (double l : logits) max = Math.max(max, l);
        double[] k = new double[logits.length];
        for (int i = 0; i < k.length; i++) sum += k[i] = Math.exp((logits[i] - max) / tau);
        for (int i = 0; i < k.length; i++) k[i] /= sum;
        return k;
    }

    /** The adjoint of the logits of {@link #choice} given that of κ. */
    public static double[] choiceBackward(double[] kappa, double[] gKappa, double tau) {
        double dot = 0;
        for (int i = 0; i < kappa.length; i++) dot += kappa[i] * gKappa[i];
        double[] g = new double[kappa.length];
        for (int i = 0; i < kappa.length; i++) g[i] = kappa[i] * (gKappa[i] - dot) / tau;
        return g;
    }

    /** Words kernel {@code kernel} writes, starting at C (0 for DOT, which writes RESULT). */
    private static int span(int kernel, Launch l) {
        return switch (kernel) {
            case DOT -> 0;
            case MATMUL -> l.n() * l.m();
            default -> l.n();
        };
    }

    private void check(int kernel, Launch l) {
        if (l.n() < 0 || l.m() < 0 || l.k() < 0)
            throw new IllegalArgumentException("GPU " + NAMES[kernel] + ": negative length in " + l);
        long n = l.n();
        switch (kernel) {
            case FILL -> range(kernel, "C", l.c(), n);
            case ADD, MUL -> { range(kernel, "A", l.a(), n); range(kernel, "B", l.b(), n); range(kernel, "C", l.c(), n); }
            case SCALE, RELU -> { range(kernel, "A", l.a(), n); range(kernel, "C", l.c(), n); }
            case DOT -> { range(kernel, "A", l.a(), n); range(kernel, "B", l.b(), n); }
            case MATMUL -> { range(kernel, "A", l.a(), n * l.k()); range(kernel, "B", l.b(), (long) l.k() * l.m()); range(kernel, "C", l.c(), n * l.m()); }
            default -> throw new IllegalArgumentException("no GPU kernel " + kernel);
        }
    }

    private void range(int kernel, String what, int at, long len) {
        if (at < 0 || at + len > words)
            throw new IllegalArgumentException("GPU " + NAMES[kernel] + ": operand " + what + " [" + at + ", " + (at + len) + ") is outside GPU memory (0.." + words + ")");
    }

    private double relu(double a) {
        if (reluTau == 0) return Math.max(a, 0);
        return a * SoftMath.ramp(a, reluTau);
    }

    private double reluSlope(double a) {
        if (reluTau == 0) return a > 0 ? 1 : 0;
        return SoftMath.ramp(a, reluTau) + a * SoftMath.rampSlope(a, reluTau);
    }

    /** Kernel {@code kernel}'s results from {@code mem} into {@code out[0..span)}; DOT's in out[0]. */
    private void results(int kernel, Launch l, double s, double[] mem, double[] out) {
        int n = l.n(), a = l.a(), b = l.b();
        switch (kernel) {
            case FILL -> { for (int i = 0; i < n; i++) out[i] = SoftMath.wrap(s); }
            case ADD -> { for (int i = 0; i < n; i++) out[i] = SoftMath.wrap(mem[a + i] + mem[b + i]); }
            case MUL -> { for (int i = 0; i < n; i++) out[i] = SoftMath.mul(mem[a + i], mem[b + i]); }
            case SCALE -> { for (int i = 0; i < n; i++) out[i] = SoftMath.mul(s, mem[a + i]); }
            case RELU -> { for (int i = 0; i < n; i++) out[i] = relu(mem[a + i]); }
            case DOT -> {
                double acc = 0;
                for (int i = 0; i < n; i++) acc = SoftMath.wrap(acc + SoftMath.mul(mem[a + i], mem[b + i]));
                out[0] = acc;
            }
            case MATMUL -> {
                int m = l.m(), k = l.k();
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < m; j++) {
                        double acc = 0;
                        for (int p = 0; p < k; p++) acc = SoftMath.wrap(acc + SoftMath.mul(mem[a + i * k + p], mem[b + p * m + j]));
                        out[i * m + j] = acc;
                    }
            }
            default -> throw new IllegalArgumentException("no GPU kernel " + kernel);
        }
    }

    /**
     * Launches the blend {@code kappa} (seven weights, summing to 1 for a launch that surely
     * happens; less for a launch of smaller mass) of the kernels with operands {@code l} and scalar
     * {@code s}, moving {@code st} on.
     */
    public void run(State st, Launch l, double s, double[] kappa) {
        int union = 0;
        for (int k = 0; k < KERNELS; k++) if (kappa[k] != 0) {
            check(k, l);
            union = Math.max(union, span(k, l));
        }
        double[] delta = new double[union], out = new double[Math.max(1, union)];
        double dotDelta = 0;
        for (int k = 0; k < KERNELS; k++) {
            if (kappa[k] == 0) continue;
            results(k, l, s, st.mem, out);
            if (k == DOT) dotDelta = kappa[k] * (out[0] - st.result);
            else for (int x = 0, c = l.c(); x < span(k, l); x++) delta[x] += kappa[k] * (out[x] - st.mem[c + x]);
        }
        for (int x = 0; x < union; x++) st.mem[l.c() + x] += delta[x];
        st.result += dotDelta;
    }

    /**
     * Backward through one {@link #run}: {@code g} holds the adjoint of the state after the launch
     * on entry and that of the state before it on return. Returns the adjoints of S and κ.
     */
    public Grad backward(State before, Launch l, double s, double[] kappa, State g) {
        double[] mem = before.mem, gKappa = new double[KERNELS];
        int union = 0;
        for (int k = 0; k < KERNELS; k++) if (kappa[k] != 0) union = Math.max(union, span(k, l));
        double[] out = new double[Math.max(1, union)], keep = new double[union];
        double[][] gcs = new double[KERNELS][];
        double gResult = g.result, gS = 0;
        // adjoint of each kernel's results, and of κ, from the adjoint after the launch
        for (int k = 0; k < KERNELS; k++) {
            if (kappa[k] == 0) continue;
            results(k, l, s, mem, out);
            if (k == DOT) {
                gKappa[k] = gResult * (out[0] - before.result);
                gcs[k] = new double[] {kappa[k] * gResult};
                continue;
            }
            int c = l.c(), n = span(k, l);
            gcs[k] = new double[n];
            for (int x = 0; x < n; x++) {
                gKappa[k] += g.mem[c + x] * (out[x] - mem[c + x]);
                gcs[k][x] = kappa[k] * g.mem[c + x];
                keep[x] += kappa[k];
            }
        }
        for (int x = 0; x < union; x++) g.mem[l.c() + x] *= 1 - keep[x];
        if (kappa[DOT] != 0) g.result = gResult * (1 - kappa[DOT]);
        // through each kernel's reads of the old memory and of S
        double[] gm = g.mem;
        for (int k = 0; k < KERNELS; k++) {
            double[] gc = gcs[k];
            if (gc == null) continue;
            int n = l.n(), a = l.a(), b = l.b();
            switch (k) {
                case FILL -> { for (int i = 0; i < n; i++) gS += gc[i]; }
                case ADD -> { for (int i = 0; i < n; i++) { gm[a + i] += gc[i]; gm[b + i] += gc[i]; } }
                case MUL -> { for (int i = 0; i < n; i++) { gm[a + i] += gc[i] * mem[b + i]; gm[b + i] += gc[i] * mem[a + i]; } }
                case SCALE -> { for (int i = 0; i < n; i++) { gS += gc[i] * mem[a + i]; gm[a + i] += gc[i] * s; } }
                case RELU -> { for (int i = 0; i < n; i++) gm[a + i] += gc[i] * reluSlope(mem[a + i]); }
                case DOT -> { for (int i = 0; i < n; i++) { gm[a + i] += gc[0] * mem[b + i]; gm[b + i] += gc[0] * mem[a + i]; } }
                case MATMUL -> {
                    int m = l.m(), kk = l.k();
                    for (int i = 0; i < n; i++)
                        for (int j = 0; j < m; j++) {
                            double gij = gc[i * m + j];
                            if (gij == 0) continue;
                            for (int p = 0; p < kk; p++) {
                                gm[a + i * kk + p] += gij * mem[b + p * m + j];
                                gm[b + p * m + j] += gij * mem[a + i * kk + p];
                            }
                        }
                }
                default -> throw new IllegalStateException();
            }
        }
        return new Grad(gS, gKappa);
    }
}
