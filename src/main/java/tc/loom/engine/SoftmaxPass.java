package tc.loom.engine;

import java.util.Arrays;
import tc.loom.transformer.LoomModel;

/**
 * The paper's attention, equation (1): A = X + Σ_h V_h X · softmax(λ · (K_h X)ᵀ(Q_h X)), the
 * softmax taken column-wise (each target column j weighs every source column i by
 * exp(λ S[i,j]) / Σ_i' exp(λ S[i',j])), with no top-2 rule and no zero-key skip; the feed-forward
 * block is the dense engine's. It exists to study where the argmax construction stops being exact
 * under softmax: it is not expected to reproduce Loom runs.
 *
 * <p>Weights are computed in double with the maximum subtracted; a source whose weight is below
 * 1e−12 of the largest is dropped (its share is far below float32 resolution). Heads with an
 * empty V are skipped (they add exactly 0).
 */
public final class SoftmaxPass implements ForwardPass {
    /** The paper's temperature. */
    public static final double DEFAULT_LAMBDA = 10.0;
    private static final double NEGLIGIBLE = 1e-12;

    private final LoomModel model;
    private final double lambda;
    private final DenseLayers dense;
    private final int d, n;
    private final DenseLayers.Activations act;
    private final java.util.function.Consumer<DenseLayers.Head> addHead;
    private final double[] weights;
    private final float[] scores;
    private final int[] sources;

    public SoftmaxPass(LoomModel model) { this(model, DEFAULT_LAMBDA); }

    public SoftmaxPass(LoomModel model, double lambda) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) throw new IllegalArgumentException("λ must be a positive finite number, got " + lambda);
        this.model = model;
        this.lambda = lambda;
        this.dense = new DenseLayers(model);
        this.d = dense.shape.d();
        this.n = dense.shape.n();
        act = dense.new Activations();
        addHead = head -> attend(head, act.x);
        weights = new double[n];
        scores = new float[n];
        sources = new int[n];
    }

    public double lambda() { return lambda; }

    @Override public LoomModel model() { return model; }

    @Override public void step(float[] x) { dense.forward(x, act, addHead); }

    /** att += this head's softmax attention output on x. */
    private void attend(DenseLayers.Head head, float[][] x) {
        int[] valueRows = head.valueRows();
        if (valueRows.length == 0) return;
        int q = head.q();
        float[][] kx = act.k, qx = act.q, vx = act.v, att = act.att;
        dense.multiply(head.kw(), q, x, kx);
        dense.multiply(head.qw(), q, x, qx);
        dense.multiply(head.vw(), d, x, vx);
        for (int j = 0; j < n; j++) {
            // Column j of S: S[i,j] = KX[:,i]·QX[:,j] for every source i.
            Arrays.fill(scores, 0f);
            for (int r = 0; r < q; r++) DenseLayers.addScaled(scores, qx[r][j], kx[r]);
            float max = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) max = Math.max(max, scores[i]);
            double total = 0;
            int kept = 0;
            for (int i = 0; i < n; i++) {
                double w = Math.exp(lambda * ((double) scores[i] - max));
                total += w;
                if (w >= NEGLIGIBLE) {
                    weights[kept] = w;
                    sources[kept++] = i;
                }
            }
            for (int row : valueRows) {
                double sum = 0;
                float[] v = vx[row];
                for (int e = 0; e < kept; e++) sum += weights[e] * v[sources[e]];
                att[row][j] += (float) (sum / total);
            }
        }
    }
}
