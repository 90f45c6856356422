package tc.transformer.engine;

import java.util.ArrayList;
import java.util.List;
import tc.transformer.AttentionHead;
import tc.transformer.Layer;
import tc.transformer.LoomModel;
import tc.transformer.ZoneBias;

/**
 * A model converted once into dense row-major float32 matrices, with the dense matrix products
 * and the feed-forward block that the dense engines share.
 *
 * <p>Every sum is accumulated from +0 in ascending index order, the order {@link SparseEngine}
 * uses too; that is what makes the two engines agree bit for bit (a zero weight adds ±0 to a sum
 * that is never −0, which leaves it unchanged).
 */
final class DenseLayers {

    /** One head: Q and K are q×d, V is d×d. */
    record Head(String name, int q, float[] qw, float[] kw, float[] vw) {}

    /** One layer: its heads, W1 (h×d), W2 (d×h) and the 3-zone biases [zone][row]. */
    record DenseLayer(String name, List<Head> heads, int hidden, float[] w1, float[][] b1, float[] w2, float[][] b2) {}

    final ModelShape shape;
    final List<DenseLayer> layers;
    private final float[] hiddenBuffer;
    private final float[] outBuffer;

    DenseLayers(LoomModel model) {
        shape = ModelShape.of(model);
        List<DenseLayer> out = new ArrayList<>();
        int maxHidden = 0;
        for (Layer l : model.layers()) {
            List<Head> heads = new ArrayList<>();
            for (AttentionHead h : l.heads())
                heads.add(new Head(h.name(), h.q().rows(), h.q().toDense(), h.k().toDense(), h.v().toDense()));
            out.add(new DenseLayer(l.name(), List.copyOf(heads), l.hiddenRows(), l.w1().toDense(), zones(l.b1()), l.w2().toDense(), zones(l.b2())));
            maxHidden = Math.max(maxHidden, l.hiddenRows());
        }
        layers = List.copyOf(out);
        hiddenBuffer = new float[maxHidden * shape.n()];
        outBuffer = new float[shape.d() * shape.n()];
    }

    /** The most query rows any head has (at least 1): the size of the QX and KX buffers, per column. */
    int maxQueryRows() {
        int max = 1;
        for (DenseLayer l : layers) for (Head h : l.heads()) max = Math.max(max, h.q());
        return max;
    }

    private static float[][] zones(ZoneBias b) { return new float[][] {b.col0(), b.scratch(), b.rest()}; }

    /** out (rows×n) = W (rows×d) · x (d×n), every product included. */
    void multiply(float[] w, int rows, float[] x, float[] out) {
        int d = shape.d(), n = shape.n();
        java.util.Arrays.fill(out, 0, rows * n, 0f);
        for (int r = 0; r < rows; r++) {
            int o = r * n;
            for (int k = 0; k < d; k++) {
                float wv = w[r * d + k];
                int xo = k * n;
                for (int j = 0; j < n; j++) out[o + j] += wv * x[xo + j];
            }
        }
    }

    /** y = a + W2·ReLU(W1·a + b1) + b2 with zone biases; y may not alias a. */
    void feedForward(DenseLayer layer, float[] a, float[] y) {
        int d = shape.d(), n = shape.n(), hidden = layer.hidden();
        float[] h = hiddenBuffer;
        java.util.Arrays.fill(h, 0, hidden * n, 0f);
        for (int k = 0; k < hidden; k++) {
            int o = k * n;
            for (int r = 0; r < d; r++) {
                float wv = layer.w1()[k * d + r];
                int ao = r * n;
                for (int j = 0; j < n; j++) h[o + j] += wv * a[ao + j];
            }
            for (int j = 0; j < n; j++) h[o + j] = AttentionRule.relu(h[o + j] + layer.b1()[shape.zone(j)][k]);
        }
        float[] sum = outBuffer;
        java.util.Arrays.fill(sum, 0f);
        for (int r = 0; r < d; r++) {
            int o = r * n;
            for (int k = 0; k < hidden; k++) {
                float wv = layer.w2()[r * hidden + k];
                int ho = k * n;
                for (int j = 0; j < n; j++) sum[o + j] += wv * h[ho + j];
            }
            for (int j = 0; j < n; j++) y[o + j] = (a[o + j] + sum[o + j]) + layer.b2()[shape.zone(j)][r];
        }
    }
}
