package tc.loom.engine;

import java.util.Arrays;
import java.util.stream.IntStream;
import tc.loom.transformer.LoomModel;

/**
 * The plain engine: dense float32 matrices over all n columns, the reference's forward pass
 * written out (REFERENCE.md §2.1), every step computed from scratch. Per layer and head QX = Q·X,
 * KX = K·X, VX = V·X and the scores S = KXᵀ·QX row by row; each source column with a non-zero
 * key scatters V·x_i to its top-2 targets by {@link AttentionRule}; then A = X + Σ heads (all
 * heads read the same X) and Y = A + W2·ReLU(W1·A + b1) + b2 with the three-zone biases. It is
 * the yardstick {@link SparsePass} is tested against.
 *
 * <p>Products by a zero weight or a zero key entry are skipped (they cannot change a sum, see
 * {@link DenseLayers}), and the sources' top-2 decisions are taken on all cores; the scatter
 * stays sequential in ascending source order so that every output sum keeps its order. The
 * package-private {@code everyProduct} constructor does the literal loops on one thread, for the
 * differential test that shows the two agree.
 */
public final class DensePass implements ForwardPass {
    private static final int CHUNKS = 4 * Runtime.getRuntime().availableProcessors();

    private final LoomModel model;
    private final DenseLayers dense;
    private final boolean everyProduct;
    private final int d, n;
    private final DenseLayers.Activations act;
    /** Adds one head's argmax output to the attention sum; made once, so a step allocates nothing for it. */
    private final java.util.function.Consumer<DenseLayers.Head> addHead;
    private final float[][] headOut;  // [row][column]: one head's output
    private final float[][] scores;              // per chunk of sources: one source's scores
    private final AttentionRule.Top2[] tops;     // per chunk
    private final int[] best, second;            // per source: its targets (best −1: zero key)
    private final boolean[] tied;

    public DensePass(LoomModel model) { this(model, false); }

    /** @param everyProduct do every product, zero weights included, on one thread (the literal forward pass) */
    DensePass(LoomModel model, boolean everyProduct) {
        this.model = model;
        this.everyProduct = everyProduct;
        this.dense = new DenseLayers(model, everyProduct);
        this.d = dense.shape.d();
        this.n = dense.shape.n();
        act = dense.new Activations();
        headOut = dense.rows(d);
        int chunks = everyProduct ? 1 : CHUNKS;
        scores = new float[chunks][n];
        tops = new AttentionRule.Top2[chunks];
        for (int c = 0; c < chunks; c++) tops[c] = new AttentionRule.Top2();
        best = new int[n];
        second = new int[n];
        tied = new boolean[n];
        addHead = head -> {
            attend(head, act.x);
            // the rows V cannot write hold +0 in headOut and add nothing
            for (int r : head.valueRows()) addRow(act.att[r], headOut[r]);
        };
    }

    @Override public LoomModel model() { return model; }

    @Override public void step(float[] x) { dense.forward(x, act, addHead); }

    private static void addRow(float[] acc, float[] v) { for (int j = 0; j < acc.length; j++) acc[j] += v[j]; }

    /** headOut = this head's argmax attention output on x. */
    private void attend(DenseLayers.Head head, float[][] x) {
        int q = head.q();
        float[][] vx = act.v;
        dense.multiply(head.kw(), q, x, act.k);
        dense.multiply(head.qw(), q, x, act.q);
        dense.multiply(head.vw(), d, x, vx);
        int chunks = scores.length;
        if (chunks == 1) decide(q, 0, n, 0);
        else IntStream.range(0, chunks).parallel().forEach(c -> decide(q, c * n / chunks, (c + 1) * n / chunks, c));
        int[] rows = head.valueRows();
        for (int r : rows) Arrays.fill(headOut[r], 0f);
        for (int i = 0; i < n; i++) {
            int j1 = best[i];
            if (j1 < 0) continue;
            if (tied[i]) {
                int j2 = second[i];
                for (int r : rows) {
                    float v = 0.5f * vx[r][i];
                    headOut[r][j1] += v;
                    headOut[r][j2] += v;
                }
            } else {
                for (int r : rows) headOut[r][j1] += vx[r][i];
            }
        }
    }

    /** The top-2 targets of sources [from, to), using chunk c's buffers. */
    private void decide(int q, int from, int to, int c) {
        float[] s = scores[c];
        AttentionRule.Top2 top = tops[c];
        for (int i = from; i < to; i++) {
            if (zeroKey(i, q)) { best[i] = -1; continue; }
            Arrays.fill(s, 0f);
            for (int r = 0; r < q; r++) {
                float k = act.k[r][i];
                if (k == 0f && !everyProduct) continue;
                DenseLayers.addScaled(s, k, act.q[r]);
            }
            AttentionRule.top2(s, n, top);
            best[i] = top.best;
            second[i] = top.second;
            tied[i] = AttentionRule.tied(top.bestScore, top.secondScore);
        }
    }

    private boolean zeroKey(int i, int q) {
        for (int r = 0; r < q; r++) if (Math.abs(act.k[r][i]) >= AttentionRule.ZERO_KEY) return false;
        return true;
    }
}
