package tc.learn;

/**
 * Adam on a flat parameter vector (Kingma &amp; Ba), with a mask of frozen entries. Kept in the
 * {@link LearnState} so the anneal phase continues the warm-up's moments instead of restarting them.
 */
final class Adam {
    static final double BETA1 = 0.9, BETA2 = 0.999, EPS = 1e-8;

    private final double[] m, v;
    private final boolean[] frozen;
    private int t;

    Adam(int size, boolean[] frozen) {
        if (frozen.length != size) throw new IllegalArgumentException("mask of " + frozen.length + " for " + size + " parameters");
        m = new double[size];
        v = new double[size];
        this.frozen = frozen.clone();
    }

    /** One step of size {@code rate} against {@code gradient}, in place on {@code params}. */
    void step(double[] params, double[] gradient, double rate) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t), c2 = 1 - Math.pow(BETA2, t);
        for (int i = 0; i < params.length; i++) {
            if (frozen[i]) continue;
            double g = gradient[i];
            m[i] = BETA1 * m[i] + (1 - BETA1) * g;
            v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
            params[i] -= rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPS);
        }
    }

    int steps() { return t; }
}
