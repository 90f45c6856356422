package tc.loom.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import tc.loom.transformer.AttentionHead;
import tc.loom.transformer.Layer;
import tc.loom.transformer.LoomModel;
import tc.loom.transformer.ZoneBias;

/**
 * A model converted once into dense row-major float32 matrices, with the dense matrix products
 * and the feed-forward block that the dense engines share. Activations are held as one array per
 * row ({@code [row][column]}): the inner loops then run over contiguous columns, which the JIT
 * turns into SIMD code (over a slice of one flat array with a computed row offset it did not,
 * ~7× slower).
 *
 * <p>Every sum is accumulated from +0 in ascending index order, the order {@link SparsePass}
 * uses too; that is what makes the two engines agree bit for bit. Columns never mix inside a
 * sum, so the work is free to go column range by column range: the feed-forward block runs on
 * all cores, each taking its own columns in tiles that stay in cache, with a row's bias, ReLU
 * and residual done in the loop that adds its last terms.
 *
 * <p>A product by a zero weight is left out: it would add ±0 to a sum that is never −0 (a sum
 * from +0 only becomes −0 by adding −0 to −0), which leaves the sum unchanged as long as the
 * state is finite (0·∞ would be NaN). Loom's matrices are 98% zeros, so this is most of the
 * speed; {@code TextbookDense} in the tests does every product and must agree bit for bit on
 * finite states. Left out as well: the rows no head and no feed-forward term writes in a layer,
 * whose values pass through unchanged ({@link #forwardByLayer} says why that is exact). Every
 * step is computed from scratch.
 */
final class DenseLayers {
    /** Columns per tile of the feed-forward block: its hidden rows then stay in the core's cache. */
    private static final int TILE = 512;
    /** Column ranges run in parallel: one per core (more split the loops finer than they gain, measured on 2 cores). */
    static final int PARTS = Runtime.getRuntime().availableProcessors();

    /**
     * One head: Q and K are q×d, V is d×d, each also as its non-zero terms; {@code valueRows} are
     * the rows V·x can make non-zero.
     */
    record Head(String name, int q, float[] qw, float[] kw, float[] vw, int[] valueRows, Terms qTerms, Terms kTerms, Terms vTerms) {}

    /**
     * One layer: its heads, W1 (h×d) and W2 (d×h) with their non-zero terms, the 3-zone biases
     * [zone][row], the rows any head can write (the union of their value rows), the rows the
     * feed-forward block writes (a W2 term or a non-zero bias) and the attention rows it leaves
     * alone.
     */
    record DenseLayer(String name, List<Head> heads, int hidden, float[] w1, Terms w1Terms, float[][] b1, float[] w2, Terms w2Terms, float[][] b2,
            int[] attentionRows, int[] ffnRows, int[] attentionOnlyRows) {}

    /**
     * The non-zero weights of a dense matrix, row by row in ascending column order: the terms its
     * products add, in the order they add them.
     */
    static final class Terms {
        final int[] start;   // row r's terms are start[r] .. start[r+1]-1
        final int[] column;
        final float[] weight;

        Terms(float[] dense, int rows, int cols) {
            start = new int[rows + 1];
            int count = 0;
            for (float w : dense) if (w != 0f) count++;
            column = new int[count];
            weight = new float[count];
            int e = 0;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    float w = dense[r * cols + c];
                    if (w == 0f) continue;
                    column[e] = c;
                    weight[e++] = w;
                }
                start[r + 1] = e;
            }
        }

        /** Where row r's last group of terms begins: all earlier ones come in groups of four, the last holds 1 to 4 (none for an empty row). */
        int lastGroup(int r) { return start[r + 1] == start[r] ? start[r] : start[r] + (start[r + 1] - start[r] - 1) / 4 * 4; }
    }

    final ModelShape shape;
    final List<DenseLayer> layers;
    private final float[][] hidden;
    /** A row of +0: the empty sum every product starts from. */
    final float[] zeros;
    /** Per column range of the feed-forward block: W2·h before the residual, and the NaN probe of the ReLU. */
    private final float[] sum, probe;
    /** The terms of matrices passed as dense arrays, by identity (the heads' own arrays). */
    private final java.util.Map<float[], Terms> termsOf = new java.util.IdentityHashMap<>();

    DenseLayers(LoomModel model) {
        shape = ModelShape.of(model);
        int d = shape.d();
        List<DenseLayer> out = new ArrayList<>();
        int maxHidden = 0;
        for (Layer l : model.layers()) {
            List<Head> heads = new ArrayList<>();
            java.util.TreeSet<Integer> written = new java.util.TreeSet<>();
            for (AttentionHead h : l.heads()) {
                int q = h.q().rows();
                float[] qw = h.q().toDense(), kw = h.k().toDense(), v = h.v().toDense();
                int[] valueRows = valueRows(v);
                for (int r : valueRows) written.add(r);
                heads.add(new Head(h.name(), q, qw, kw, v, valueRows, new Terms(qw, q, d), new Terms(kw, q, d), new Terms(v, d, d)));
            }
            int hiddenRows = l.hiddenRows();
            float[] w1 = l.w1().toDense(), w2 = l.w2().toDense();
            Terms w2Terms = new Terms(w2, d, hiddenRows);
            float[][] b2 = zones(l.b2());
            int[] ffnRows = IntStream.range(0, d)
                    .filter(r -> w2Terms.start[r + 1] > w2Terms.start[r] || b2[0][r] != 0f || b2[1][r] != 0f || b2[2][r] != 0f).toArray();
            int[] attentionOnly = written.stream().mapToInt(Integer::intValue).filter(r -> Arrays.binarySearch(ffnRows, r) < 0).toArray();
            out.add(new DenseLayer(l.name(), List.copyOf(heads), hiddenRows, w1, new Terms(w1, hiddenRows, d), zones(l.b1()),
                    w2, w2Terms, b2, written.stream().mapToInt(Integer::intValue).toArray(), ffnRows, attentionOnly));
            maxHidden = Math.max(maxHidden, hiddenRows);
        }
        layers = List.copyOf(out);
        hidden = new float[maxHidden][shape.n()];
        zeros = new float[shape.n()];
        sum = new float[shape.n()];
        probe = new float[shape.n()];
    }

    /** The most query rows any head has (at least 1): the size of the QX and KX buffers. */
    int maxQueryRows() {
        int max = 1;
        for (DenseLayer l : layers) for (Head h : l.heads()) max = Math.max(max, h.q());
        return max;
    }

    /** A rows×n activation buffer. */
    float[][] rows(int rows) { return new float[rows][shape.n()]; }

    /**
     * The buffers of one forward pass, one array per row: the state, each head's keys, queries
     * and values, the heads' summed output and the residual A = X + attention.
     */
    final class Activations {
        final float[][] x = rows(shape.d()), k = rows(maxQueryRows()), q = rows(maxQueryRows()), v = rows(shape.d()),
                att = rows(shape.d()), a = rows(shape.d());
        /** The feed-forward block's input rows: {@code a[r]}, or {@code x[r]} where no head writes row r. */
        private final float[][] input = new float[shape.d()][];
    }

    /**
     * One forward pass, in place on {@code x}: per layer, each head adds its output to
     * {@code act.att} through {@code attend} (the attention rule is all the dense passes differ
     * in), then the residual and the feed-forward block, on all cores by column ranges.
     *
     * <p>Rows nobody writes are not computed, which takes one fact: <b>no entry is ever −0</b>.
     * The input's −0 are made +0 when it is read (the textbook's first layer would do the same:
     * its rows all pass through (x + att + …) with a +0 term, and a ±0 input gives the same
     * products in any sum from +0); after that every value is a sum one of whose terms is never
     * −0 (sums start from +0, and A = X + attention, Y = (A + S) + b), and x + y is −0 only if
     * both are. Given that, heads only write their value rows ({@code attentionRows}, the union;
     * {@code attend} must add into those rows of {@code act.att} alone, the others are neither
     * cleared nor read): elsewhere A = X + 0 is X itself, and the block reads X's row. And rows
     * with no W2 terms and zero biases ({@code ffnRows} lists the others) get Y = (A + 0) + 0 = A:
     * X's row stays, and an attention row's A becomes the state row by swapping the arrays.
     */
    void forward(float[] x, Activations act, java.util.function.Consumer<Head> attend) {
        forwardByLayer(x, act, layer -> {
            for (Head head : layer.heads()) attend.accept(head);
            return null;
        });
    }

    /**
     * {@link #forward} with the attention taken a layer at a time: {@code attend} adds all the
     * layer's heads, in order, or prepares them and returns the work that adds them, column range
     * by column range (it then runs on all cores, each range just before its residual).
     */
    void forwardByLayer(float[] x, Activations act, java.util.function.Function<DenseLayer, ColumnTask> attend) {
        shape.checkArray(x);
        split(x, act.x);
        int d = shape.d();
        for (DenseLayer layer : layers) {
            int[] written = layer.attentionRows();
            for (int r : written) Arrays.fill(act.att[r], 0f);
            ColumnTask attention = attend.apply(layer);
            System.arraycopy(act.x, 0, act.input, 0, d);
            for (int r : written) act.input[r] = act.a[r];
            inParallel((from, to) -> {
                if (attention != null) attention.run(from, to);
                for (int r : written) {
                    float[] ar = act.a[r], xr = act.x[r], attr = act.att[r];
                    for (int j = from; j < to; j++) ar[j] = xr[j] + attr[j];
                }
                feedForward(layer, act.input, act.x, from, to);
            });
            // rows the feed-forward block leaves alone: y = a, so the attention rows among them become the state's
            for (int r : layer.attentionOnlyRows()) {
                float[] swap = act.x[r];
                act.x[r] = act.a[r];
                act.a[r] = swap;
            }
        }
        join(act.x, x);
    }

    /** x (flat, row-major d×n) → rows, with −0 made +0 (see {@link #forwardByLayer} for why). */
    void split(float[] x, float[][] rows) {
        int n = shape.n();
        for (int r = 0; r < shape.d(); r++) {
            float[] row = rows[r];
            for (int j = 0, e = r * n; j < n; j++, e++) row[j] = x[e] + 0f;
        }
    }

    /** rows → x (flat, row-major d×n). */
    void join(float[][] rows, float[] x) {
        int n = shape.n();
        for (int r = 0; r < shape.d(); r++) System.arraycopy(rows[r], 0, x, r * n, n);
    }

    /** The rows of V with a non-zero weight: the other rows of V·x are +0 and add nothing. */
    private int[] valueRows(float[] v) {
        int d = shape.d();
        return IntStream.range(0, d).filter(r -> {
            for (int k = 0; k < d; k++) if (v[r * d + k] != 0f) return true;
            return false;
        }).toArray();
    }

    private static float[][] zones(ZoneBias b) { return new float[][] {b.col0(), b.scratch(), b.rest()}; }

    /** A column range [from, to) of the state, one call per part; the parts cover [0, n). */
    @FunctionalInterface
    interface ColumnTask { void run(int from, int to); }

    /**
     * Runs {@code task} over [0, n) cut into {@link #PARTS} column ranges, on all cores (the
     * common fork-join pool; the calling thread takes part). The ranges start at multiples of 64
     * columns, so no two parts write the same cache line, and a block of up to 64 columns (a
     * power of two) lies in one part. Each part writes only its own columns, so the result does
     * not depend on how the parts are scheduled.
     */
    void inParallel(ColumnTask task) {
        int n = shape.n(), parts = Math.min(PARTS, Math.max(1, n / 128));
        if (parts == 1) {
            task.run(0, n);
            return;
        }
        IntConsumer part = p -> task.run(bound(p, parts, n), bound(p + 1, parts, n));
        IntStream.range(0, parts).parallel().forEach(part);
    }

    private static int bound(int p, int parts, int n) { return p == parts ? n : (int) ((long) n * p / parts) & ~63; }

    /** out[r] = row r of W · x (d×n) on columns [from, to) for each of {@code rows}, with W given by its non-zero terms. */
    void multiply(Terms w, int[] rows, float[][] x, float[][] out, int from, int to) {
        for (int r : rows) combine(w, r, x, out[r], from, to);
    }

    /** out[0..rows) = W · x (d×n) on columns [from, to), with W given by its non-zero terms. */
    void multiply(Terms w, int rows, float[][] x, float[][] out, int from, int to) {
        for (int r = 0; r < rows; r++) combine(w, r, x, out[r], from, to);
    }

    /** out[0..rows) = W (rows×d) · x (d×n). Not thread-safe: it keeps W's terms, by identity, in this object. */
    void multiply(float[] w, int rows, float[][] x, float[][] out) {
        multiply(termsOf.computeIfAbsent(w, m -> new Terms(m, rows, shape.d())), rows, x, out, 0, shape.n());
    }

    /**
     * y = a + W2·ReLU(W1·a + b1) + b2 with zone biases on columns [from, to), tile by tile. Each
     * row's last group of terms also adds the bias and takes the ReLU, or the residual and the
     * bias, in the same loop. y may alias rows of a: the tile's y rows are written only after its
     * hidden rows, and each y row from its own a row.
     *
     * <p>The ReLU is Math.max(v, 0), which the JIT vectorises and which equals
     * {@link AttentionRule#relu} (v &gt; 0 ? v : +0) for every v but NaN, where it gives NaN
     * instead of +0. {@link #probe} collects h − h per column, NaN wherever an h is NaN (or ∞);
     * in those columns the NaN hidden values become +0, which is then exactly the ReLU.
     */
    void feedForward(DenseLayer layer, float[][] a, float[][] y, int from, int to) {
        int d = shape.d(), s = shape.s(), hiddenRows = layer.hidden();
        Terms w1 = layer.w1Terms(), w2 = layer.w2Terms();
        float[][] b1 = layer.b1(), b2 = layer.b2(), h = hidden;
        for (int t = from; t < to; t += TILE) {
            int end = Math.min(to, t + TILE);
            Arrays.fill(probe, t, end, 0f);
            // the bias zones within the tile: column 0, the scratchpad 1..s−1, the rest
            int zone1 = t == 0 ? 1 : t, zone2 = Math.max(zone1, Math.min(end, s));
            for (int k = 0; k < hiddenRows; k++) {
                float[] hk = h[k];
                int last = combineAllButLast(w1, k, a, hk, t, end);
                if (t == 0) lastRelu(w1, k, last, a, hk, b1[0][k], 0, 1);
                lastRelu(w1, k, last, a, hk, b1[1][k], zone1, zone2);
                lastRelu(w1, k, last, a, hk, b1[2][k], zone2, end);
            }
            for (int j = t; j < end; j++) {
                if (probe[j] == 0f) continue;
                for (int k = 0; k < hiddenRows; k++) if (h[k][j] != h[k][j]) h[k][j] = 0f;
            }
            for (int r : layer.ffnRows()) {
                float[] ar = a[r], yr = y[r];
                int last = combineAllButLast(w2, r, h, sum, t, end);
                if (t == 0) lastResidual(w2, r, last, h, ar, yr, b2[0][r], 0, 1);
                lastResidual(w2, r, last, h, ar, yr, b2[1][r], zone1, zone2);
                lastResidual(w2, r, last, h, ar, yr, b2[2][r], zone2, end);
            }
        }
    }

    /**
     * out[from, to) = Σ_e weight[e]·x[column[e]] over row r's terms, from +0 in order: per column
     * the same operations, in the same order, as adding each product to the whole row in turn. A
     * pass adds a group of up to four terms, so the partial sum is stored once per four terms.
     */
    void combine(Terms w, int r, float[][] x, float[] out, int from, int to) {
        int last = combineAllButLast(w, r, x, out, from, to);
        float[] base = last == w.start[r] ? zeros : out, x0 = term(w, x, last, 0), x1 = term(w, x, last, 1), x2 = term(w, x, last, 2),
                x3 = term(w, x, last, 3);
        float w0 = weight(w, last, 0), w1 = weight(w, last, 1), w2 = weight(w, last, 2), w3 = weight(w, last, 3);
        switch (w.start[r + 1] - last) {
            case 0 -> Arrays.fill(out, from, to, 0f);
            case 1 -> { for (int j = from; j < to; j++) out[j] = base[j] + w0 * x0[j]; }
            case 2 -> { for (int j = from; j < to; j++) out[j] = (base[j] + w0 * x0[j]) + w1 * x1[j]; }
            case 3 -> { for (int j = from; j < to; j++) out[j] = ((base[j] + w0 * x0[j]) + w1 * x1[j]) + w2 * x2[j]; }
            default -> { for (int j = from; j < to; j++) out[j] = (((base[j] + w0 * x0[j]) + w1 * x1[j]) + w2 * x2[j]) + w3 * x3[j]; }
        }
    }

    /** All of row r's groups but the last into out[from, to); returns where the last group begins. */
    private int combineAllButLast(Terms w, int r, float[][] x, float[] out, int from, int to) {
        int first = w.start[r], last = w.lastGroup(r);
        int[] c = w.column;
        float[] v = w.weight;
        for (int e = first; e < last; e += 4)
            add(e == first ? zeros : out, out, v[e], x[c[e]], v[e + 1], x[c[e + 1]], v[e + 2], x[c[e + 2]], v[e + 3], x[c[e + 3]], from, to);
        return last;
    }

    /** Term {@code i} of the group at {@code group}: its input row, or the row of zeros past the row's end (never read then). */
    private float[] term(Terms w, float[][] x, int group, int i) {
        int e = group + i;
        return e < w.column.length ? x[w.column[e]] : zeros;
    }

    private static float weight(Terms w, int group, int i) {
        int e = group + i;
        return e < w.weight.length ? w.weight[e] : 0f;
    }

    /** The last group of row k's terms (from {@code last}) into out, + bias, and the ReLU as Math.max (see feedForward). */
    private void lastRelu(Terms w, int k, int last, float[][] x, float[] out, float bias, int from, int to) {
        if (from >= to) return;
        float[] base = last == w.start[k] ? zeros : out, p = probe, x0 = term(w, x, last, 0), x1 = term(w, x, last, 1), x2 = term(w, x, last, 2),
                x3 = term(w, x, last, 3);
        float w0 = weight(w, last, 0), w1 = weight(w, last, 1), w2 = weight(w, last, 2), w3 = weight(w, last, 3);
        switch (w.start[k + 1] - last) {
            case 0 -> { for (int j = from; j < to; j++) { float h = Math.max(base[j] + bias, 0f); out[j] = h; p[j] += h - h; } }
            case 1 -> { for (int j = from; j < to; j++) { float h = Math.max((base[j] + w0 * x0[j]) + bias, 0f); out[j] = h; p[j] += h - h; } }
            case 2 -> {
                for (int j = from; j < to; j++) { float h = Math.max(((base[j] + w0 * x0[j]) + w1 * x1[j]) + bias, 0f); out[j] = h; p[j] += h - h; }
            }
            case 3 -> {
                for (int j = from; j < to; j++) {
                    float h = Math.max((((base[j] + w0 * x0[j]) + w1 * x1[j]) + w2 * x2[j]) + bias, 0f);
                    out[j] = h;
                    p[j] += h - h;
                }
            }
            default -> {
                for (int j = from; j < to; j++) {
                    float h = Math.max(((((base[j] + w0 * x0[j]) + w1 * x1[j]) + w2 * x2[j]) + w3 * x3[j]) + bias, 0f);
                    out[j] = h;
                    p[j] += h - h;
                }
            }
        }
    }

    /** The last group of row r's terms into its sum S (the earlier groups' in {@link #sum}), then y = (a + S) + bias. */
    private void lastResidual(Terms w, int r, int last, float[][] x, float[] a, float[] y, float bias, int from, int to) {
        if (from >= to) return;
        float[] base = last == w.start[r] ? zeros : sum, x0 = term(w, x, last, 0), x1 = term(w, x, last, 1), x2 = term(w, x, last, 2),
                x3 = term(w, x, last, 3);
        float w0 = weight(w, last, 0), w1 = weight(w, last, 1), w2 = weight(w, last, 2), w3 = weight(w, last, 3);
        switch (w.start[r + 1] - last) {
            case 0 -> { for (int j = from; j < to; j++) y[j] = (a[j] + base[j]) + bias; }
            case 1 -> { for (int j = from; j < to; j++) y[j] = (a[j] + (base[j] + w0 * x0[j])) + bias; }
            case 2 -> { for (int j = from; j < to; j++) y[j] = (a[j] + ((base[j] + w0 * x0[j]) + w1 * x1[j])) + bias; }
            case 3 -> { for (int j = from; j < to; j++) y[j] = (a[j] + (((base[j] + w0 * x0[j]) + w1 * x1[j]) + w2 * x2[j])) + bias; }
            default -> {
                for (int j = from; j < to; j++) y[j] = (a[j] + ((((base[j] + w0 * x0[j]) + w1 * x1[j]) + w2 * x2[j]) + w3 * x3[j])) + bias;
            }
        }
    }

    /** out = (((base + w0·x0) + w1·x1) + w2·x2) + w3·x3 on [from, to) (out may be base); no fused multiply-add, to keep the bits. */
    static void add(float[] base, float[] out, float w0, float[] x0, float w1, float[] x1, float w2, float[] x2, float w3, float[] x3,
            int from, int to) {
        for (int j = from; j < to; j++) out[j] = (((base[j] + w0 * x0[j]) + w1 * x1[j]) + w2 * x2[j]) + w3 * x3[j];
    }

    /** acc += w · x, lane by lane (whole arrays from 0, so the JIT vectorises it; no fused multiply-add, to keep the bits). */
    static void addScaled(float[] acc, float w, float[] x) {
        for (int j = 0; j < acc.length; j++) acc[j] += w * x[j];
    }
}
