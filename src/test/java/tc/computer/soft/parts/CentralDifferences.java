package tc.computer.soft.parts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;

/** Reverse-mode gradients against fourth-order central differences, per parameter group. */
final class CentralDifferences {
    private CentralDifferences() {}

    static final double BOUND = 1e-6;

    /**
     * Checks {@code analytic[g]} against the numeric gradient of {@code loss} at {@code x} for every
     * group g: the relative error ‖analytic − numeric‖ / ‖numeric‖ must be at most {@link #BOUND}
     * and the gradient must not vanish. Returns the worst relative error.
     */
    static double check(String what, String[] names, ToDoubleFunction<double[][]> loss, double[][] x, double[][] analytic, double h) {
        double worst = 0;
        for (int g = 0; g < x.length; g++) {
            double diff = 0, norm = 0;
            for (int i = 0; i < x[g].length; i++) {
                double keep = x[g][i];
                double[] f = new double[4], offsets = {2 * h, h, -h, -2 * h};
                for (int q = 0; q < 4; q++) {
                    x[g][i] = keep + offsets[q];
                    f[q] = loss.applyAsDouble(x);
                }
                x[g][i] = keep;
                double numeric = (-f[0] + 8 * f[1] - 8 * f[2] + f[3]) / (12 * h);
                diff += sq(analytic[g][i] - numeric);
                norm += sq(numeric);
            }
            double rel = Math.sqrt(diff / norm);
            System.out.printf("%s %s: |grad| %.3e rel err %.2e%n", what, names[g], Math.sqrt(norm), rel);
            assertTrue(norm > 1e-16, what + ": the " + names[g] + " gradient vanished");
            assertTrue(rel <= BOUND, what + " group " + names[g] + ": relative error " + rel);
            worst = Math.max(worst, rel);
        }
        return worst;
    }

    static double sq(double x) { return x * x; }

    static double[] random(java.util.SplittableRandom r, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = lo + (hi - lo) * r.nextDouble();
        return v;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
