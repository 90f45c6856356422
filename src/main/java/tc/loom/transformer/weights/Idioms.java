package tc.loom.transformer.weights;

import tc.loom.state.StateLayout.Rows;

/** FFN row patterns shared by several layers (REFERENCE.md §2.1.3, §2.5). */
public final class Idioms {
    private Idioms() {}

    /** Where a row may fire. */
    public enum Gate { EVERYWHERE, SCRATCHPAD, OUTSIDE_SCRATCHPAD }

    public static FfnBuilder.Row gated(FfnBuilder.Row row, Gate gate) {
        return switch (gate) {
            case EVERYWHERE -> row;
            case SCRATCHPAD -> row.onlyScratchpad();
            case OUTSIDE_SCRATCHPAD -> row.offScratchpad();
        };
    }

    /** x ← 0 with the pair relu(x)→−x, relu(−x)→+x, one pair per bit. */
    public static void clearPairs(FfnBuilder f, Rows rows, Gate gate) {
        for (int i = 0; i < rows.count(); i++) {
            gated(f.row(), gate).in(rows.row(i), 1).out(rows.row(i), -1);
            gated(f.row(), gate).in(rows.row(i), -1).out(rows.row(i), 1);
        }
    }

    /** x ← 0 with all the relu(x) rows first, then all the relu(−x) rows. */
    public static void clearRuns(FfnBuilder f, Rows rows, Gate gate) {
        for (int i = 0; i < rows.count(); i++) gated(f.row(), gate).in(rows.row(i), 1).out(rows.row(i), -1);
        for (int i = 0; i < rows.count(); i++) gated(f.row(), gate).in(rows.row(i), -1).out(rows.row(i), 1);
    }

    // snap(x) = 1.25·[relu(x+0.9) − relu(x+0.1) + relu(x−0.1) − relu(x−0.9)] − x, plus b2 = −1 by the caller.
    private static final double[] SNAP_SIGN = {1, 1, 1, 1, -1, 1};
    private static final double[] SNAP_BIAS = {0.9, 0.1, -0.1, -0.9, 0, 0};
    private static final double[] SNAP_OUT = {1.25, -1.25, 1.25, -1.25, 1, -1};
    // exact: 2·[relu(x+¾) − relu(x+¼) + relu(x−¼) − relu(x−¾)] − x. Loom's 0.9, 0.1 and 1.25 are not
    // dyadic, so its snap leaves up to 7.6e−6 of float error, which L4's 2^(N−2) weights blow up to
    // a wrong bit at N = 16. With dyadic constants every product and sum is exact in float32, and
    // the state stays exactly in {−1, 0, +1}; the margin is ¼ instead of 0.1.
    private static final double[] SNAP_BIAS_EXACT = {0.75, 0.25, -0.25, -0.75, 0, 0};
    private static final double[] SNAP_OUT_EXACT = {2, -2, 2, -2, 1, -1};

    private static void snapRow(FfnBuilder f, int stateRow, int kind, Gate gate) {
        boolean exact = f.layout().isExact();
        FfnBuilder.Row r = gated(f.row(), gate).in(stateRow, SNAP_SIGN[kind]).out(stateRow, (exact ? SNAP_OUT_EXACT : SNAP_OUT)[kind]);
        r.bias((exact ? SNAP_BIAS_EXACT : SNAP_BIAS)[kind]);
    }

    /** The 6-row ternary snap (dyadic constants in the exact layout), six rows per bit together. */
    public static void snapBitByBit(FfnBuilder f, Rows rows, Gate gate) {
        for (int i = 0; i < rows.count(); i++) for (int k = 0; k < 6; k++) snapRow(f, rows.row(i), k, gate);
    }

    /** The same snap with the rows grouped by kind: six runs over all bits. */
    public static void snapKindByKind(FfnBuilder f, Rows rows, Gate gate) {
        for (int k = 0; k < 6; k++) for (int i = 0; i < rows.count(); i++) snapRow(f, rows.row(i), k, gate);
    }

    /**
     * The six-threshold pattern of REFERENCE.md §2.5 for result bit {@code i} (1-based from the
     * LSB) of a {@code width}-bit field: with T = P_i + offset, fires
     * 2·([T ≥ 2^{i−1}] + [T ≤ 2^i − 1] + [T ≥ 3·2^{i−1}]) into {@code target.row(width − i)}.
     *
     * @param plus  rows whose bits enter P_i with weight +2^{j−2}
     * @param minus rows whose bits enter P_i with weight −2^{j−2} (may be null)
     * The thresholds are column-0 biases; outside column 0 the six rows cancel in pairs.
     */
    public static void sixThresholds(FfnBuilder f, Rows target, Rows plus, Rows minus, int i, double offset, Gate gate) {
        int width = target.count();
        double half = Math.pow(2, i - 1);
        double[] bias = {offset - half + 1, offset - half, 2 * half - offset, 2 * half - offset - 1, offset - 3 * half + 1, offset - 3 * half};
        double[] sign = {1, 1, -1, -1, 1, 1};
        for (int k = 0; k < 6; k++) {
            FfnBuilder.Row r = gated(f.row(), gate);
            for (int j = 1; j <= i; j++) {
                double w = sign[k] * Math.pow(2, j - 2);
                r.in(plus.row(width - j), w);
                if (minus != null) r.in(minus.row(width - j), -w);
            }
            r.biasCol0(bias[k]).out(target.row(width - i), k % 2 == 0 ? 2 : -2);
        }
    }
}
