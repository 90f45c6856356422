package tc.loom.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import tc.loom.transformer.AttentionHead;
import tc.loom.transformer.Layer;
import tc.loom.transformer.LoomModel;
import tc.loom.transformer.ZoneBias;

/**
 * A model converted once into dense row-major float32 matrices, with the dense matrix products
 * and the feed-forward block that the dense engines share. Activations are held as one array per
 * row ({@code [row][column]}): the inner loops then run over whole arrays from index 0, which the
 * JIT turns into SIMD code (over a slice of one flat array it did not, ~7× slower).
 *
 * <p>Every sum is accumulated from +0 in ascending index order, the order {@link SparsePass}
 * uses too; that is what makes the two engines agree bit for bit (a zero weight adds ±0 to a sum
 * that is never −0, which leaves it unchanged).
 *
 * <p>For the same reason a product by a zero weight can be left out without changing any sum, as
 * long as the state is finite (0·∞ would be NaN): by default the products skip zero weights, which
 * makes the dense engines ~50× faster (Loom's matrices are 98% zeros) while every matrix stays a
 * dense array and every step is computed from scratch. {@code everyProduct} keeps the literal
 * loops; a differential test checks that both give the same bits.
 */
final class DenseLayers {

    /** One head: Q and K are q×d, V is d×d; {@code valueRows} are the rows V·x can make non-zero (all d for every-product). */
    record Head(String name, int q, float[] qw, float[] kw, float[] vw, int[] valueRows) {}

    /** One layer: its heads, W1 (h×d), W2 (d×h) and the 3-zone biases [zone][row]. */
    record DenseLayer(String name, List<Head> heads, int hidden, float[] w1, float[][] b1, float[] w2, float[][] b2) {}

    final ModelShape shape;
    final List<DenseLayer> layers;
    private final float[][] hiddenBuffer;
    private final float[] sumBuffer;
    private final boolean everyProduct;

    DenseLayers(LoomModel model) { this(model, false); }

    /** @param everyProduct do every product, zero weights included (the literal forward pass) */
    DenseLayers(LoomModel model, boolean everyProduct) {
        this.everyProduct = everyProduct;
        shape = ModelShape.of(model);
        List<DenseLayer> out = new ArrayList<>();
        int maxHidden = 0;
        for (Layer l : model.layers()) {
            List<Head> heads = new ArrayList<>();
            for (AttentionHead h : l.heads()) {
                float[] v = h.v().toDense();
                heads.add(new Head(h.name(), h.q().rows(), h.q().toDense(), h.k().toDense(), v, valueRows(v)));
            }
            out.add(new DenseLayer(l.name(), List.copyOf(heads), l.hiddenRows(), l.w1().toDense(), zones(l.b1()), l.w2().toDense(), zones(l.b2())));
            maxHidden = Math.max(maxHidden, l.hiddenRows());
        }
        layers = List.copyOf(out);
        hiddenBuffer = new float[maxHidden][shape.n()];
        sumBuffer = new float[shape.n()];
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

        /** A = X + attention, row by row. */
        void residual() {
            for (int r = 0; r < shape.d(); r++) {
                float[] ar = a[r], xr = x[r], attr = att[r];
                for (int j = 0; j < ar.length; j++) ar[j] = xr[j] + attr[j];
            }
        }
    }

    /** x (flat, row-major d×n) → rows. */
    /**
     * One forward pass, in place on {@code x}: per layer, each head adds its output to
     * {@code act.att} through {@code attend} (the attention rule is all the dense passes differ
     * in), then the residual and the feed-forward block.
     */
    void forward(float[] x, Activations act, java.util.function.Consumer<Head> attend) {
        shape.checkArray(x);
        split(x, act.x);
        for (DenseLayer layer : layers) {
            for (float[] row : act.att) Arrays.fill(row, 0f);
            for (Head head : layer.heads()) attend.accept(head);
            act.residual();
            feedForward(layer, act.a, act.x);
        }
        join(act.x, x);
    }

    void split(float[] x, float[][] rows) {
        int n = shape.n();
        for (int r = 0; r < shape.d(); r++) System.arraycopy(x, r * n, rows[r], 0, n);
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
            if (everyProduct) return true;
            for (int k = 0; k < d; k++) if (v[r * d + k] != 0f) return true;
            return false;
        }).toArray();
    }

    private static float[][] zones(ZoneBias b) { return new float[][] {b.col0(), b.scratch(), b.rest()}; }

    /** out[0..rows) = W (rows×d) · x (d×n). */
    void multiply(float[] w, int rows, float[][] x, float[][] out) {
        int d = shape.d();
        for (int r = 0; r < rows; r++) {
            float[] o = out[r];
            Arrays.fill(o, 0f);
            for (int k = 0; k < d; k++) {
                float wv = w[r * d + k];
                if (wv == 0f && !everyProduct) continue;
                addScaled(o, wv, x[k]);
            }
        }
    }

    /** y = a + W2·ReLU(W1·a + b1) + b2 with zone biases; y may not alias a. */
    void feedForward(DenseLayer layer, float[][] a, float[][] y) {
        int d = shape.d(), n = shape.n(), s = shape.s(), hidden = layer.hidden();
        float[][] h = hiddenBuffer;
        for (int k = 0; k < hidden; k++) {
            float[] hk = h[k];
            Arrays.fill(hk, 0f);
            for (int r = 0; r < d; r++) {
                float wv = layer.w1()[k * d + r];
                if (wv == 0f && !everyProduct) continue;
                addScaled(hk, wv, a[r]);
            }
            float[][] b1 = layer.b1();
            hk[0] = AttentionRule.relu(hk[0] + b1[0][k]);
            for (int j = 1; j < s; j++) hk[j] = AttentionRule.relu(hk[j] + b1[1][k]);
            float rest = b1[2][k];
            for (int j = s; j < n; j++) hk[j] = AttentionRule.relu(hk[j] + rest);
        }
        float[] sum = sumBuffer;
        for (int r = 0; r < d; r++) {
            Arrays.fill(sum, 0f);
            for (int k = 0; k < hidden; k++) {
                float wv = layer.w2()[r * hidden + k];
                if (wv == 0f && !everyProduct) continue;
                addScaled(sum, wv, h[k]);
            }
            float[] ar = a[r], yr = y[r];
            float[][] b2 = layer.b2();
            yr[0] = (ar[0] + sum[0]) + b2[0][r];
            for (int j = 1; j < s; j++) yr[j] = (ar[j] + sum[j]) + b2[1][r];
            float rest = b2[2][r];
            for (int j = s; j < n; j++) yr[j] = (ar[j] + sum[j]) + rest;
        }
    }

    /** acc += w · x, lane by lane (whole arrays from 0, so the JIT vectorises it; no fused multiply-add, to keep the bits). */
    static void addScaled(float[] acc, float w, float[] x) {
        for (int j = 0; j < acc.length; j++) acc[j] += w * x[j];
    }
}
