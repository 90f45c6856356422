package tc.computer.soft.parts;

/** Small numeric helpers shared by the parts (the CPU's own live package-private in tc.computer.soft). */
final class SoftMath {
    private SoftMath() {}

    static final double TWO32 = 4294967296.0, TWO31 = 2147483648.0;

    /** σ(x), computed so that large |x| gives exactly 0 or 1. */
    static double sigmoid(double x) {
        if (x >= 0) return 1 / (1 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** The 32-bit word a real value stands for: rounded to nearest, wrapped modulo 2^32. */
    static int word(double x) { return (int) (long) Math.rint(x); }

    /** x wrapped into [−2^31, 2^31); the identity there, so exact on 32-bit words (gradient 1). */
    static double wrap(double x) {
        if (x >= -TWO31 && x < TWO31) return x;
        return x - TWO32 * Math.floor((x + TWO31) / TWO32);
    }

    /**
     * The soft 32-bit product, as the CPU's MUL: the wrapped product of the rounded operands plus
     * the first-order correction, so it is exact on words and its gradient is (b, a).
     */
    static double mul(double a, double b) {
        int ia = word(a), ib = word(b);
        return wrap((double) (ia * ib) + ((a - ia) * b + ia * (b - ib)));
    }

    /**
     * A smooth step from 0 (y ≤ 0) to 1 (y ≥ 1): σ(logit(y)/τ) between, the address kernel's
     * weight. Exactly 0 or 1 at every integer y for every τ in (0, 1]; its derivative is 0 at the
     * ends when τ &lt; 1, so it is smooth everywhere; at τ → 0 it becomes a step at y = ½.
     */
    static double ramp(double y, double tau) {
        if (y <= 0) return 0;
        if (y >= 1) return 1;
        if (tau == 1) return y;
        return sigmoid((Math.log(y) - Math.log1p(-y)) / tau);
    }

    /** d ramp / dy. */
    static double rampSlope(double y, double tau) {
        if (y <= 0 || y >= 1) return (tau == 1 && y >= 0 && y <= 1) ? 1 : 0;
        if (tau == 1) return 1;
        double w = ramp(y, tau);
        return w * (1 - w) / (tau * y * (1 - y));
    }
}
