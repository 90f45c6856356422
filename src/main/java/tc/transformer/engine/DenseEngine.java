package tc.transformer.engine;

import java.util.Arrays;
import tc.transformer.LoomModel;

/**
 * The plain engine: dense float32 matrices over all n columns, the reference's forward pass
 * written out (REFERENCE.md §2.1). Per layer and head QX = Q·X, KX = K·X, VX = V·X and the
 * scores S = KXᵀ·QX row by row; each source column with a non-zero key scatters V·x_i to its
 * top-2 targets by {@link AttentionRule}; then A = X + Σ heads (all heads read the same X) and
 * Y = A + W2·ReLU(W1·A + b1) + b2 with the three-zone biases. Slow (every product is done) but
 * simple: it is the yardstick {@link SparseEngine} is tested against.
 */
public final class DenseEngine implements StepEngine {
    private final LoomModel model;
    private final DenseLayers dense;
    private final int d, n;
    private final float[] kx, qx, vx, headOut, att, a, scores;
    private final AttentionRule.Top2 top = new AttentionRule.Top2();

    public DenseEngine(LoomModel model) {
        this.model = model;
        this.dense = new DenseLayers(model);
        this.d = dense.shape.d();
        this.n = dense.shape.n();
        int maxQ = dense.maxQueryRows();
        kx = new float[maxQ * n];
        qx = new float[maxQ * n];
        vx = new float[d * n];
        headOut = new float[d * n];
        att = new float[d * n];
        a = new float[d * n];
        scores = new float[n];
    }

    @Override public LoomModel model() { return model; }

    @Override public void step(float[] x) {
        dense.shape.checkArray(x);
        for (DenseLayers.DenseLayer layer : dense.layers) {
            Arrays.fill(att, 0f);
            for (DenseLayers.Head head : layer.heads()) {
                attend(head, x);
                for (int e = 0; e < att.length; e++) att[e] += headOut[e];
            }
            for (int e = 0; e < a.length; e++) a[e] = x[e] + att[e];
            dense.feedForward(layer, a, x);
        }
    }

    /** headOut = this head's argmax attention output on x. */
    private void attend(DenseLayers.Head head, float[] x) {
        int q = head.q();
        dense.multiply(head.kw(), q, x, kx);
        dense.multiply(head.qw(), q, x, qx);
        dense.multiply(head.vw(), d, x, vx);
        Arrays.fill(headOut, 0f);
        for (int i = 0; i < n; i++) {
            if (AttentionRule.zeroKey(kx, i, q, n)) continue;
            Arrays.fill(scores, 0f);
            for (int r = 0; r < q; r++) {
                float k = kx[r * n + i];
                int o = r * n;
                for (int j = 0; j < n; j++) scores[j] += k * qx[o + j];
            }
            AttentionRule.top2(scores, n, top);
            int j1 = top.best, j2 = top.second;
            float s1 = top.bestScore, s2 = top.secondScore;
            if (AttentionRule.tied(s1, s2)) {
                for (int r = 0; r < d; r++) {
                    float v = 0.5f * vx[r * n + i];
                    headOut[r * n + j1] += v;
                    headOut[r * n + j2] += v;
                }
            } else {
                for (int r = 0; r < d; r++) headOut[r * n + j1] += vx[r * n + i];
            }
        }
    }
}
