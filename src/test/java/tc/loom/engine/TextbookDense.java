package tc.loom.engine;

import tc.loom.state.StateMatrix;
import tc.loom.transformer.AttentionHead;
import tc.loom.transformer.Layer;
import tc.loom.transformer.LoomModel;
import tc.loom.transformer.ZoneBias;

/**
 * The forward pass as the formula reads (REFERENCE.md §2.1), for tests only: dense matrices, every
 * product done (zero weights and zero key entries included), one thread, no buffers kept between
 * steps, and nothing shared with {@link DensePass} but {@link AttentionRule}, the rule itself.
 * Per layer and head: QX = Q·X, KX = K·X, VX = V·X; each source i whose key has an entry of at
 * least {@link AttentionRule#ZERO_KEY} sends VX[:,i] to its best two targets by
 * S[i,j] = Σ_r KX[r,i]·QX[r,j] (all of it, or half to each when they are tied); then
 * A = X + Σ heads, H = ReLU(W1·A + b1), Y = A + W2·H + b2 with the three-zone biases. Every sum
 * starts from +0 and adds its terms in ascending index order.
 *
 * <p>{@link DensePass} must give these bits for finite states: it leaves out products by a zero
 * weight or a zero key entry, which add ±0 to a sum that is never −0, and it shares and reorders
 * work across columns, never within one column's sums.
 */
final class TextbookDense {
    private final LoomModel model;
    private final int d, n, s;

    TextbookDense(LoomModel model) {
        this.model = model;
        ModelShape shape = ModelShape.of(model);
        d = shape.d();
        n = shape.n();
        s = shape.s();
    }

    void step(StateMatrix x) { step(x.data()); }

    /** One forward pass, in place, on a row-major d×n array. */
    void step(float[] x) {
        float[][] state = new float[d][n];
        for (int r = 0; r < d; r++) System.arraycopy(x, r * n, state[r], 0, n);
        for (Layer layer : model.layers()) state = layer(layer, state);
        for (int r = 0; r < d; r++) System.arraycopy(state[r], 0, x, r * n, n);
    }

    private float[][] layer(Layer layer, float[][] x) {
        float[][] att = new float[d][n];
        for (AttentionHead head : layer.heads()) {
            float[][] out = head(head, x);
            for (int r = 0; r < d; r++) for (int j = 0; j < n; j++) att[r][j] += out[r][j];
        }
        float[][] a = new float[d][n];
        for (int r = 0; r < d; r++) for (int j = 0; j < n; j++) a[r][j] = x[r][j] + att[r][j];
        int hidden = layer.hiddenRows();
        float[][] h = product(layer.w1().toDense(), hidden, d, a);
        for (int k = 0; k < hidden; k++) for (int j = 0; j < n; j++) h[k][j] = AttentionRule.relu(h[k][j] + bias(layer.b1(), k, j));
        float[][] w2h = product(layer.w2().toDense(), d, hidden, h);
        float[][] y = new float[d][n];
        for (int r = 0; r < d; r++) for (int j = 0; j < n; j++) y[r][j] = (a[r][j] + w2h[r][j]) + bias(layer.b2(), r, j);
        return y;
    }

    /** One head's output: rows × columns, +0 where nothing arrives. */
    private float[][] head(AttentionHead head, float[][] x) {
        int q = head.q().rows();
        float[][] qx = product(head.q().toDense(), q, d, x), kx = product(head.k().toDense(), q, d, x);
        float[][] vx = product(head.v().toDense(), d, d, x);
        float[][] out = new float[d][n];
        float[] scores = new float[n];
        AttentionRule.Top2 top = new AttentionRule.Top2();
        for (int i = 0; i < n; i++) {
            boolean zeroKey = true;
            for (int r = 0; r < q; r++) if (Math.abs(kx[r][i]) >= AttentionRule.ZERO_KEY) zeroKey = false;
            if (zeroKey) continue;
            java.util.Arrays.fill(scores, 0f);
            for (int r = 0; r < q; r++) for (int j = 0; j < n; j++) scores[j] += kx[r][i] * qx[r][j];
            AttentionRule.top2(scores, n, top);
            if (AttentionRule.tied(top.bestScore, top.secondScore)) {
                for (int r = 0; r < d; r++) {
                    float v = 0.5f * vx[r][i];
                    out[r][top.best] += v;
                    out[r][top.second] += v;
                }
            } else {
                for (int r = 0; r < d; r++) out[r][top.best] += vx[r][i];
            }
        }
        return out;
    }

    /** W (rows × cols, row-major) · m (cols × n); each sum from +0 over k ascending (the loops over j innermost only for speed). */
    private float[][] product(float[] w, int rows, int cols, float[][] m) {
        float[][] out = new float[rows][n];
        for (int r = 0; r < rows; r++)
            for (int k = 0; k < cols; k++) {
                float wk = w[r * cols + k];
                for (int j = 0; j < n; j++) out[r][j] += wk * m[k][j];
            }
        return out;
    }

    private float bias(ZoneBias b, int row, int column) { return b.at(row, column, s); }
}
