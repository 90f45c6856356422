package tc.loom.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tc.loom.transformer.AttentionHead;
import tc.loom.transformer.Layer;

/**
 * One layer of an incremental engine ({@link SparsePass}, {@link FastPass}) with its cached
 * post-attention matrix a and output y (both column-major n×d). Given which input columns changed
 * since the last step, it recomputes the heads through their own caches, then the attention sum
 * and the feed-forward block only of the columns whose attention input or output may differ.
 *
 * <p>Each column's arithmetic is the dense engine's, in its order, so a column whose
 * post-attention value is bit-equal to last time gets a bit-equal output without recomputing it.
 * The layer also remembers every column's previous post-attention input and output: loom-v1's
 * idle scratchpad columns swing between two noise values (±4e−6) every step, and returning to the
 * previous input then costs a comparison instead of the feed-forward block.
 */
final class IncrementalLayer {
    private final ModelShape shape;
    private final int d;
    final List<IncrementalHead> heads = new ArrayList<>();
    private final Csr w1, w2;
    // W1 by input row (the hidden units each input row feeds) and W2 by hidden unit (the output
    // rows it feeds): what a change to some rows of a column can reach
    private final int[] feedsStart, feeds, outStart, outs;
    private final int hiddenRows;
    // n × hiddenRows, two slots: each column's hidden vector for its current and its previous a;
    // which slot is current flips instead of copying (a recall then costs nothing here)
    // allocated at the first step after a fresh one (a pass used for one step, as the
    // single-instruction checks do thousands of times, never pays for them); known: slot s of
    // column j holds the hidden vector of that slot's a
    private float[] h0, h1;
    private boolean[] known0, known1;
    private final boolean[] flipped;
    private final float[] hidden;
    private final boolean[] hiddenDirty, rowDirty;
    private final int[] hiddenList, rowList;
    private final float[][] b1, b2;
    final float[] a, y;
    private final float[] attention, scratch;
    // per column, the post-attention input and output before the current ones (valid where
    // remembered), so that returning to it costs a comparison instead of the feed-forward block
    private final float[] aBefore, yBefore;
    private final boolean[] remembered;
    private final ColumnSet touched, targets;
    /** Feed-forward blocks computed since construction (for the engines' counters). */
    long feedForwards;

    IncrementalLayer(Layer layer, ModelShape shape, Function<AttentionHead, IncrementalHead> headFactory) {
        this.shape = shape;
        this.d = shape.d();
        int n = shape.n();
        for (AttentionHead h : layer.heads()) {
            IncrementalHead head = headFactory.apply(h);
            if (head.contributes()) heads.add(head);
        }
        w1 = new Csr(layer.w1());
        w2 = new Csr(layer.w2());
        b1 = new float[][] {layer.b1().col0(), layer.b1().scratch(), layer.b1().rest()};
        b2 = new float[][] {layer.b2().col0(), layer.b2().scratch(), layer.b2().rest()};
        a = new float[n * d];
        y = new float[n * d];
        attention = new float[d];
        scratch = new float[d];
        aBefore = new float[n * d];
        yBefore = new float[n * d];
        remembered = new boolean[n];
        hiddenRows = w1.rows;
        flipped = new boolean[n];
        hidden = new float[hiddenRows];
        hiddenDirty = new boolean[hiddenRows];
        rowDirty = new boolean[d];
        hiddenList = new int[hiddenRows];
        rowList = new int[d];
        int[][] byInput = transpose(w1, d);
        feedsStart = byInput[0];
        feeds = byInput[1];
        int[][] byHidden = transpose(w2, hiddenRows);
        outStart = byHidden[0];
        outs = byHidden[1];
        touched = new ColumnSet(n);
        targets = new ColumnSet(n);
    }

    /** Updates a and y for input {@code in}, whose changed columns are {@code changed}; adds changed outputs to {@code out}. */
    void apply(float[] in, ColumnSet changed, ColumnSet out, boolean fresh) {
        targets.clear();
        for (IncrementalHead head : heads) head.update(in, changed, fresh, targets);
        touched.clear();
        touched.addAll(changed);
        touched.addAll(targets);
        if (fresh) {
            java.util.Arrays.fill(remembered, false);
            java.util.Arrays.fill(flipped, false);
            if (h0 != null) {
                java.util.Arrays.fill(known0, false);
                java.util.Arrays.fill(known1, false);
            }
        } else if (h0 == null) {
            int n = shape.n();
            h0 = new float[n * hiddenRows];
            h1 = new float[n * hiddenRows];
            known0 = new boolean[n];
            known1 = new boolean[n];
        }
        for (int c = 0; c < touched.size(); c++) {
            int j = touched.get(c);
            attend(in, j);
            int o = j * d;
            if (fresh) {
                System.arraycopy(attention, 0, a, o, d);
                feedForward(j);
                out.add(j);
            } else if (!sameBits(attention, 0, a, o)) {
                boolean recall = remembered[j] && sameBits(attention, 0, aBefore, o);
                // keep the current pair as the remembered one, so a column that alternates
                // between two inputs (as Loom's idle scratchpad columns do) never recomputes
                boolean base = remembered[j];
                swap(a, aBefore, o, d);
                swap(y, yBefore, o, d);
                flipped[j] = !flipped[j];
                if (!recall) {
                    remembered[j] = true;
                    System.arraycopy(attention, 0, a, o, d);
                    if (base) feedForwardFrom(j);
                    else feedForward(j);
                }
                if (!sameBits(y, o, yBefore, o)) out.add(j);
            }
        }
    }

    /**
     * Whether two columns hold the same floats: equal bits, except that any two NaNs count as
     * equal (Java leaves a NaN's payload bits unspecified, so no engine can promise them). This
     * is {@link java.util.Arrays#equals(float[], int, int, float[], int, int)}, which the JIT
     * compiles to a vectorised compare: ~8× faster than a loop over floatToRawIntBits.
     */
    private boolean sameBits(float[] x, int xo, float[] z, int zo) {
        return java.util.Arrays.equals(x, xo, xo + d, z, zo, zo + d);
    }

    private void swap(float[] x, float[] z, int o, int count) {
        System.arraycopy(x, o, scratch, 0, count);
        System.arraycopy(z, o, x, o, count);
        System.arraycopy(scratch, 0, z, o, count);
    }

    /** For each column c of m (cols = {@code cols}): the rows with an entry in it, as [start, rows]. */
    private static int[][] transpose(Csr m, int cols) {
        int[] start = new int[cols + 1];
        for (int e = 0; e < m.col.length; e++) start[m.col[e] + 1]++;
        for (int c = 0; c < cols; c++) start[c + 1] += start[c];
        int[] rows = new int[m.col.length], fill = start.clone();
        for (int r = 0; r < m.rows; r++)
            for (int e = m.start[r]; e < m.start[r + 1]; e++) rows[fill[m.col[e]]++] = r;
        return new int[][] {start, rows};
    }

    /** attention = in[j] + Σ heads' outputs at j, in the dense engine's order. */
    private void attend(float[] in, int j) {
        java.util.Arrays.fill(attention, 0f);
        for (IncrementalHead head : heads) {
            int[] rows = head.valueRows();
            int vr = head.valueRowCount(), o = j * vr;
            float[] out = head.out();
            for (int c = 0; c < vr; c++) attention[rows[c]] += out[o + c];
        }
        int o = j * d;
        for (int r = 0; r < d; r++) attention[r] = in[o + r] + attention[r];
    }

    /** y[j] = a[j] + W2·ReLU(W1·a[j] + b1) + b2 with column j's zone biases; column j's current hidden slot keeps the hidden vector. */
    private void feedForward(int j) {
        feedForwards++;
        float[] h = h0 == null ? hidden : flipped[j] ? h1 : h0;
        int zone = shape.zone(j), o = j * d, ho = h0 == null ? 0 : j * hiddenRows;
        if (h0 != null) (flipped[j] ? known1 : known0)[j] = true;
        float[] bias1 = b1[zone], bias2 = b2[zone];
        for (int k = 0; k < hiddenRows; k++) h[ho + k] = AttentionRule.relu(w1.dot(k, a, o) + bias1[k]);
        for (int r = 0; r < d; r++) y[o + r] = (a[o + r] + w2.dot(r, h, ho)) + bias2[r];
    }

    /**
     * The same as {@link #feedForward}, starting from column j's previous input, hidden vector and
     * output (aBefore, hBefore, yBefore): a hidden unit none of whose inputs changed keeps its
     * value, and an output row whose input and hidden units all kept theirs keeps its value, so
     * only the rest is recomputed, each with feedForward's own operations. The result is the
     * same bits as feedForward's.
     */
    private void feedForwardFrom(int j) {
        if (h0 == null || !(flipped[j] ? known0 : known1)[j]) {
            feedForward(j);   // no previous hidden vector to start from
            return;
        }
        feedForwards++;
        (flipped[j] ? known1 : known0)[j] = true;
        float[] h = flipped[j] ? h1 : h0, hBefore = flipped[j] ? h0 : h1;
        int zone = shape.zone(j), o = j * d, ho = j * hiddenRows;
        float[] bias1 = b1[zone], bias2 = b2[zone];
        int hiddenCount = 0, rowCount = 0, fanOut = 0;
        // the rows where a differs from aBefore, found by the JIT's vectorised mismatch (a NaN
        // that stays a NaN counts as unchanged, as in sameBits)
        for (int r = 0; r < d; r++) {
            int skip = java.util.Arrays.mismatch(a, o + r, o + d, aBefore, o + r, o + d);
            if (skip < 0) break;
            r += skip;
            rowDirty[r] = true;
            rowList[rowCount++] = r;
            fanOut += feedsStart[r + 1] - feedsStart[r];
        }
        if (2 * fanOut > hiddenRows) {
            // most hidden units are reached (column 0, most layers): marking them costs more than
            // it saves, and the full block computes the same bits
            for (int c = 0; c < rowCount; c++) rowDirty[rowList[c]] = false;
            feedForwards--;
            feedForward(j);
            return;
        }
        System.arraycopy(hBefore, ho, h, ho, hiddenRows);
        for (int c = 0; c < rowCount; c++) {
            int r = rowList[c];
            for (int e = feedsStart[r]; e < feedsStart[r + 1]; e++) {
                int k = feeds[e];
                if (!hiddenDirty[k]) {
                    hiddenDirty[k] = true;
                    hiddenList[hiddenCount++] = k;
                }
            }
        }
        for (int c = 0; c < hiddenCount; c++) {
            int k = hiddenList[c];
            hiddenDirty[k] = false;
            float value = AttentionRule.relu(w1.dot(k, a, o) + bias1[k]);
            if (Float.floatToRawIntBits(value) == Float.floatToRawIntBits(h[ho + k])) continue;
            h[ho + k] = value;
            for (int e = outStart[k]; e < outStart[k + 1]; e++) {
                int r = outs[e];
                if (!rowDirty[r]) {
                    rowDirty[r] = true;
                    rowList[rowCount++] = r;
                }
            }
        }
        System.arraycopy(yBefore, o, y, o, d);
        for (int c = 0; c < rowCount; c++) {
            int r = rowList[c];
            rowDirty[r] = false;
            y[o + r] = (a[o + r] + w2.dot(r, h, ho)) + bias2[r];
        }
    }
}
