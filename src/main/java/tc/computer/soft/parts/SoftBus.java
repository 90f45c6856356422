package tc.computer.soft.parts;

import tc.computer.device.Mmio;

/**
 * The soft system bus: arbitration between the three masters and address decoding.
 *
 * <h2>Arbitration</h2>
 * Discrete: among the masters that request the bus, the one of highest priority gets it, DMA &gt;
 * GPU &gt; CPU (the seed contract); nobody gets it when nobody asks. Soft: each master m requests
 * with probability q_m; its request logit is log q_m and its priority a bias b_m = gap·rank
 * (CPU 0, GPU 1, DMA 2). The grants are
 * <pre>  grant_m = (1 − Π_n (1 − q_n)) · softmax_m((log q_m + b_m)/τ)</pre>
 * the probability that the bus is busy times a softmax arbitration. At τ = 1, gap = 1 a master
 * wins in proportion to q_m·e^{b_m}; as τ → 0 the softmax becomes the argmax of the bias among
 * masters that request, which is the fixed priority, exactly once e^{−gap/τ} underflows
 * (τ ≤ 1e-3 at gap 1). Cost: O(3).
 *
 * <h2>Address decoding</h2>
 * Discrete: a 32-bit address a (signed) goes to memory when a ≥ 0, to GPU memory word a − GPU_BASE
 * when it is below gpuWords, to device register a − DEV_BASE when a is in [DEV_BASE, DISK_BUF), to
 * the disk buffer when in [DISK_BUF, DISK_BUF + sectorWords), and nowhere (a bus error) otherwise.
 * Soft: each region [lo, hi] of integers gets the routing weight
 * {@code ramp(a − lo + 1)·(1 − ramp(a − hi))}, ramp being the address kernel's smooth step
 * ({@code σ(logit(y)/τ)} on (0, 1), 0 below, 1 above): exactly 1 inside and 0 outside at every
 * integer address for every τ in (0, 1], smooth between neighbouring integers, a step at the
 * half-integer as τ → 0; "nowhere" gets 1 − Σ. Cost: O(regions).
 */
public final class SoftBus {
    /** Masters, in increasing priority. */
    public static final int CPU = 0, GPU = 1, DMA = 2, MASTERS = 3;
    /** Routing targets. */
    public static final int MEMORY = 0, GPU_MEMORY = 1, DEVICE = 2, DISK_BUFFER = 3, NOWHERE = 4, TARGETS = 5;

    private final double tau, gap;
    private final long[] lo, hi;

    /**
     * @param tau         temperature of the arbitration softmax and of the decoding ramps (≤ 1)
     * @param gap         the priority bias between neighbouring masters
     * @param gpuWords    GPU memory words
     * @param sectorWords words of the disk controller's buffer
     */
    public SoftBus(double tau, double gap, int gpuWords, int sectorWords) {
        if (!(tau > 0 && tau <= 1)) throw new IllegalArgumentException("the bus temperature must be in (0, 1], got " + tau);
        if (!(gap > 0) || Double.isInfinite(gap)) throw new IllegalArgumentException("the priority gap must be positive and finite, got " + gap);
        this.tau = tau;
        this.gap = gap;
        lo = new long[] {0, Mmio.GPU_BASE, Mmio.DEV_BASE, Mmio.DISK_BUF};
        hi = new long[] {Integer.MAX_VALUE, (long) Mmio.GPU_BASE + gpuWords - 1, Mmio.DISK_BUF - 1L, (long) Mmio.DISK_BUF + sectorWords - 1};
    }

    /** The grant distribution for request probabilities {@code q[CPU, GPU, DMA]} (sums to the busy probability). */
    public double[] arbitrate(double[] q) {
        double idle = 1, max = Double.NEGATIVE_INFINITY;
        double[] z = new double[MASTERS], grant = new double[MASTERS];
        for (int m = 0; m < MASTERS; m++) {
            idle *= 1 - q[m];
            z[m] = q[m] > 0 ? (Math.log(q[m]) + gap * m) / tau : Double.NEGATIVE_INFINITY;
            max = Math.max(max, z[m]);
        }
        if (max == Double.NEGATIVE_INFINITY) return grant;
        double sum = 0;
        for (int m = 0; m < MASTERS; m++) sum += grant[m] = Math.exp(z[m] - max);
        for (int m = 0; m < MASTERS; m++) grant[m] *= (1 - idle) / sum;
        return grant;
    }

    /** The adjoint of the request probabilities given that of the grants (where q_m &gt; 0; 0 where q_m = 0). */
    public double[] arbitrateBackward(double[] q, double[] gGrant) {
        double[] grant = arbitrate(q), gq = new double[MASTERS];
        double busy = 0;
        for (double g : grant) busy += g;
        if (busy == 0) return gq;
        double gBusy = 0, dot = 0;
        double[] s = new double[MASTERS];
        for (int m = 0; m < MASTERS; m++) {
            s[m] = grant[m] / busy;
            gBusy += gGrant[m] * s[m];
        }
        for (int m = 0; m < MASTERS; m++) dot += s[m] * gGrant[m] * busy;
        for (int m = 0; m < MASTERS; m++) {
            double gz = s[m] * (gGrant[m] * busy - dot);
            if (q[m] > 0) gq[m] += gz / (tau * q[m]);
            double others = 1;
            for (int n = 0; n < MASTERS; n++) if (n != m) others *= 1 - q[n];
            gq[m] += gBusy * others;
        }
        return gq;
    }

    /** The routing weights of a (real) address over MEMORY, GPU_MEMORY, DEVICE, DISK_BUFFER, NOWHERE. */
    public double[] route(double address) {
        double floor = Math.floor(address);
        return route((long) floor, address - floor);
    }

    /**
     * The routing weights of the address {@code base + fraction}: near ±2^31 a double resolves
     * addresses only to 2^-22, so a caller that keeps the integer part apart gets full precision.
     */
    public double[] route(long base, double fraction) {
        double[] w = new double[TARGETS];
        double rest = 1;
        for (int t = 0; t < lo.length; t++) {
            w[t] = SoftMath.ramp((base - lo[t] + 1) + fraction, tau) * (1 - SoftMath.ramp((base - hi[t]) + fraction, tau));
            rest -= w[t];
        }
        w[NOWHERE] = rest;
        return w;
    }

    /** d route / d address, contracted with the adjoint {@code gWeights} of the five weights. */
    public double routeBackward(double address, double[] gWeights) {
        double floor = Math.floor(address);
        return routeBackward((long) floor, address - floor, gWeights);
    }

    /** d route / d fraction of {@link #route(long, double)}, contracted with {@code gWeights}. */
    public double routeBackward(long base, double fraction, double[] gWeights) {
        double g = 0;
        for (int t = 0; t < lo.length; t++) {
            double y0 = (base - lo[t] + 1) + fraction, y1 = (base - hi[t]) + fraction;
            double r0 = SoftMath.ramp(y0, tau), r1 = SoftMath.ramp(y1, tau);
            double dw = SoftMath.rampSlope(y0, tau) * (1 - r1) - r0 * SoftMath.rampSlope(y1, tau);
            g += (gWeights[t] - gWeights[NOWHERE]) * dw;
        }
        return g;
    }
}
