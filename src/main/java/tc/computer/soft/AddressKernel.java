package tc.computer.soft;

/**
 * How a real address becomes a distribution over n words (or slots): all its mass on the two
 * integers around it, {@code ⌊x⌋ mod n} with weight 1 − w and {@code ⌊x⌋ + 1 mod n} with weight w,
 * where f = x − ⌊x⌋ and {@code w = σ(logit(f)/τ)}. At τ = 1 that is linear interpolation (w = f);
 * below 1 it sharpens toward rounding, and its slope at integers is 0, which makes reads smooth
 * across integer addresses. At an integer address w = 0 exactly, for every τ: the one-hot case is
 * exact.
 *
 * <p>Results are left in the fields (one kernel evaluation per field set; no allocation).
 */
final class AddressKernel {
    int low, high;
    /** Weight of {@link #high}; {@link #low} has 1 − weight. */
    double weight;
    /** d weight / d x. */
    double slope;

    void at(double x, int n, double power) {
        double floor = Math.floor(x);
        double f = x - floor;
        low = (int) ((long) floor & (n - 1));
        high = (low + 1) & (n - 1);
        if (f == 0 || f == 1) {
            weight = f;
            slope = power == 1 ? 1 : 0;
        } else if (power == 1) {
            weight = f;
            slope = 1;
        } else {
            weight = SoftCode.sigmoid(power * (Math.log(f) - Math.log1p(-f)));
            slope = power * weight * (1 - weight) / (f * (1 - f));
        }
    }
}
