package tc.loom.engine;

import java.util.Arrays;
import java.util.stream.IntStream;
import tc.loom.transformer.LoomModel;

/**
 * The plain engine: dense float32 matrices over all n columns, the reference's forward pass
 * written out (REFERENCE.md §2.1), every step computed from scratch. Per layer and head QX = Q·X,
 * KX = K·X, VX = V·X and the scores S[i,j] = Σ_r KX[r,i]·QX[r,j]; each source column i with a
 * non-zero key sends V·x_i to its top-2 targets by {@link AttentionRule}; then
 * A = X + Σ heads (all heads read the same X) and Y = A + W2·ReLU(W1·A + b1) + b2 with the
 * three-zone biases ({@link DenseLayers}). It is the yardstick {@link SparsePass} is tested
 * against; {@code TextbookDense} in the tests (the same formula, every product and every score,
 * one thread) is its own: the same bits after every step.
 *
 * <p>Every number it computes is computed as the textbook computes it: each sum from +0, its
 * terms in ascending index order, less the products by zero and the rows nobody writes that
 * {@link DenseLayers} explains. What makes it fast is what it leaves out and where the work goes:
 * <ul>
 * <li>A source's best two targets are found without computing every score, and exactly (see
 *     {@link Sources}): the targets are cut into blocks of adjacent columns, and the score
 *     evaluated with each query row at its block maximum (minimum for a negative key entry)
 *     bounds every score of the block, because each rounding in the chain never decreases when
 *     its argument grows. Only blocks whose bound could change the decision are scored. Loom's
 *     keys pick one target out of n, so a source scores one block instead of n columns.</li>
 * <li>Keys, queries and values, the decisions, the scatter of values to their targets and the
 *     feed-forward block run on all cores, each part writing only its own columns or its own
 *     sources' decisions; the scatter takes the sources in ascending order in every part, so
 *     every target's sum keeps its order.</li>
 * </ul>
 */
public final class DensePass implements ForwardPass {
    private static final int CHUNKS = DenseLayers.PARTS;

    private final LoomModel model;
    private final DenseLayers dense;
    private final int d, n;
    private final DenseLayers.Activations act;
    /** Prepares one layer's argmax attention and returns its scatter; made once, so a step allocates nothing for it. */
    private final java.util.function.Function<DenseLayers.DenseLayer, DenseLayers.ColumnTask> attendLayer;
    /** Per head of a layer (by its index): keys, queries and values, block extremes, chunks of sources, decisions. */
    private final float[][][] kx, qx, vx;
    private final Blocks[] blocks;
    private final Sources[][] sources;
    private final int[][] best, second;          // [head][source]: its targets (best −1: zero key)
    private final boolean[][] tied;
    private final float[][] headOut;             // [row][column]: a head's output, for rows an earlier head of the layer writes too
    /** Per head: its value rows that no earlier head of its layer writes, and those that one does. */
    private final java.util.Map<DenseLayers.Head, int[][]> rowsByHead = new java.util.IdentityHashMap<>();

    /** Sees every head's decisions as they are made (read-only copies), or null: {@link AttentionProbe}'s hook. */
    private AttentionProbe.Observer observer;

    /** Sets the observer of attention decisions (null: none); for {@link AttentionProbe}. */
    void observe(AttentionProbe.Observer observer) { this.observer = observer; }

    public DensePass(LoomModel model) {
        this.model = model;
        this.dense = new DenseLayers(model);
        this.d = dense.shape.d();
        this.n = dense.shape.n();
        act = dense.new Activations();
        int heads = 0, maxQ = dense.maxQueryRows();
        for (DenseLayers.DenseLayer layer : dense.layers) {
            heads = Math.max(heads, layer.heads().size());
            boolean[] written = new boolean[d];
            for (DenseLayers.Head head : layer.heads()) {
                int[] rows = head.valueRows();
                int[] direct = Arrays.stream(rows).filter(r -> !written[r]).toArray();
                int[] buffered = Arrays.stream(rows).filter(r -> written[r]).toArray();
                for (int r : rows) written[r] = true;
                rowsByHead.put(head, new int[][] {direct, buffered});
            }
        }
        kx = new float[heads][maxQ][n];
        qx = new float[heads][maxQ][n];
        vx = new float[heads][d][];
        blocks = new Blocks[heads];
        sources = new Sources[heads][CHUNKS];
        best = new int[heads][n];
        second = new int[heads][n];
        tied = new boolean[heads][n];
        for (int h = 0; h < heads; h++) {
            blocks[h] = new Blocks(n, maxQ);
            for (int c = 0; c < CHUNKS; c++) sources[h][c] = new Sources(blocks[h]);
        }
        // V·x rows only where some head of that index has a value row
        for (DenseLayers.DenseLayer layer : dense.layers)
            for (int h = 0; h < layer.heads().size(); h++)
                for (int r : layer.heads().get(h).valueRows()) if (vx[h][r] == null) vx[h][r] = new float[n];
        headOut = dense.rows(d);
        attendLayer = this::attend;
    }

    @Override public LoomModel model() { return model; }

    @Override public void step(float[] x) { dense.forwardByLayer(x, act, attendLayer); }

    /**
     * The layer's heads' keys, queries and values (on all cores by columns) and decisions (on all
     * cores by sources); returns the scatter that adds their outputs to the attention sum, head
     * by head in order, for a range of target columns, taking the sources in ascending order.
     */
    private DenseLayers.ColumnTask attend(DenseLayers.DenseLayer layer) {
        var heads = layer.heads();
        int count = heads.size();
        if (count == 0) return null;
        float[][] x = act.x;
        dense.inParallel((from, to) -> {
            for (int h = 0; h < count; h++) {
                DenseLayers.Head head = heads.get(h);
                dense.multiply(head.kTerms(), head.q(), x, kx[h], from, to);
                dense.multiply(head.qTerms(), head.q(), x, qx[h], from, to);
                dense.multiply(head.vTerms(), head.valueRows(), x, vx[h], from, to); // the other rows of V·x are +0 and never read
                blocks[h].of(qx[h], head.q(), from, to);
            }
        });
        IntStream.range(0, count * CHUNKS).parallel().forEach(t -> {
            int h = t / CHUNKS, c = t % CHUNKS;
            decide(h, heads.get(h).q(), c * n / CHUNKS, (c + 1) * n / CHUNKS, sources[h][c]);
        });
        if (observer != null)
            for (int h = 0; h < count; h++) observer.decided(layer.name(), heads.get(h).name(), best[h].clone(), second[h].clone(), tied[h].clone());
        return (from, to) -> {
            for (int h = 0; h < count; h++) scatter(h, heads.get(h), from, to);
        };
    }

    /**
     * Adds head h's output to the attention rows' columns [from, to): each source's value to its
     * targets there (half to each of a tied pair), sources in ascending order. A row no earlier
     * head of the layer writes gets the sums directly (the attention row is +0 there, and
     * +0 + s = s for a sum s from +0); a row that one does gets this head's sum whole first, then
     * adds it.
     */
    private void scatter(int h, DenseLayers.Head head, int from, int to) {
        int[][] rows = rowsByHead.get(head);
        float[][] v = vx[h];
        int[] b = best[h], s = second[h];
        boolean[] split = tied[h];
        for (int[] group : rows) {
            if (group.length == 0) continue;
            boolean direct = group == rows[0];
            float[][] out = direct ? act.att : headOut;
            if (!direct) for (int r : group) Arrays.fill(headOut[r], from, to, 0f);
            for (int i = 0; i < n; i++) {
                int j1 = b[i];
                if (j1 < 0) continue;
                boolean first = j1 >= from && j1 < to;
                if (split[i]) {
                    int j2 = s[i];
                    boolean other = j2 >= from && j2 < to;
                    if (!first && !other) continue;
                    for (int r : group) {
                        float half = 0.5f * v[r][i];
                        if (first) out[r][j1] += half;
                        if (other) out[r][j2] += half;
                    }
                } else if (first) {
                    for (int r : group) out[r][j1] += v[r][i];
                }
            }
            if (!direct) for (int r : group) {
                float[] acc = act.att[r], sum = headOut[r];
                for (int j = from; j < to; j++) acc[j] += sum[j];
            }
        }
    }

    /** The targets of head h's sources [from, to). */
    private void decide(int h, int q, int from, int to, Sources c) {
        float[][] k = kx[h];
        c.restart();
        for (int i = from; i < to; i++) {
            boolean zero = true;
            for (int r = 0; r < q; r++) {
                float e = k[r][i];
                c.key[r] = e;
                if (Math.abs(e) >= AttentionRule.ZERO_KEY) zero = false;
            }
            if (zero) {
                best[h][i] = -1;
                continue;
            }
            c.decide(qx[h], q);
            best[h][i] = c.best;
            second[h][i] = c.second;
            tied[h][i] = c.tied;
        }
    }

    /**
     * Adjacent columns per target block: the power of two nearest below √n, so that bounding every
     * block and scoring one cost alike, and at most 64, so that a block lies in one part of
     * {@link DenseLayers#inParallel}.
     */
    static int blockWidth(int n) {
        int w = 1;
        while (w < 64 && (long) (2 * w) * (2 * w) <= n) w *= 2;
        return w;
    }

    /**
     * One head's target blocks: block b is columns [b·w, min(n, (b+1)·w)), and per query row r its
     * largest and smallest value there (Math.max/min: a NaN makes both NaN).
     */
    static final class Blocks {
        final int n, width, count;
        final float[][] hi, lo;  // [query row][block]

        Blocks(int n, int maxQ) {
            this.n = n;
            width = blockWidth(n);
            count = (n + width - 1) / width;
            hi = new float[maxQ][count];
            lo = new float[maxQ][count];
        }

        /** Takes the block extremes of qx's first q rows. */
        void of(float[][] qx, int q) { of(qx, q, 0, n); }

        /** The same for the blocks that begin in columns [from, to), which hold them whole (from and to are multiples of the width, or n). */
        void of(float[][] qx, int q, int from, int to) {
            for (int r = 0; r < q; r++) {
                float[] row = qx[r], h = hi[r], l = lo[r];
                for (int b = from / width, end = (to + width - 1) / width; b < end; b++) {
                    int first = b * width, last = Math.min(n, first + width);
                    float max = row[first], min = row[first];
                    for (int j = first + 1; j < last; j++) {
                        max = Math.max(max, row[j]);
                        min = Math.min(min, row[j]);
                    }
                    h[b] = max;
                    l[b] = min;
                }
            }
        }
    }

    /**
     * Decides one source at a time from its key ({@link #key}, q entries) and the head's queries:
     * the rule's best target, whether the best two are tied, and the second when they are, exactly
     * as {@link AttentionRule#top2} over all n scores would (its second, when not tied, is not
     * used and not kept here). One per chunk of sources; {@link #restart} before each head.
     *
     * <p><b>Bounds.</b> The score of target j is s(j) = (((+0 + k0·q0(j)) + k1·q1(j)) + …) over
     * the key's non-zero entries, each operation rounded. Rounding to nearest never decreases when
     * its exact argument grows, and k·q grows with q for k &gt; 0 and shrinks for k &lt; 0; so,
     * step by step, the same chain with q_r(j) replaced by the block's largest q_r (smallest for
     * k_r &lt; 0) gives a value u(b) ≥ s(j) for every j of block b. When u(b) is finite this
     * holds with infinities too, and no s(j) of the block is NaN (a NaN needs +∞ somewhere in the
     * chain, which u(b) would carry). A bound that is not finite sends the source to the plain
     * path: every score, then the rule's own scan.
     *
     * <p><b>Search.</b> The block of the largest bound is scored first, then every other block
     * whose bound could still matter, in ascending order: one that could hold a new best (bound
     * above the best score, or equal with a lower first column), or, while the best two are not
     * tied, a score within the tie gap of the best (that test only tightens as the best grows),
     * or, while they are tied, a new second. A block that fails all three holds nothing the final
     * decision depends on: its scores are below the final second whenever that one is used,
     * since best − score ≥ gap &gt; best − second, or it ranks after a second that was itself
     * kept or beaten.
     *
     * <p><b>Sharing.</b> The bounds, and the scores of the first block scored, are summed one key
     * entry at a time, and the partial sums after t entries depend only on the first t entries
     * (and for the scores on the block). Sources come in ascending column order, and where a
     * source's key begins like the previous one's (bit for bit; zeros alike, since they add
     * nothing), its partial sums are reused rather than summed again. Loom's keys are binary
     * codes of column addresses, most significant entry first, so consecutive sources share all
     * but their last entry or two.
     */
    static final class Sources {
        final Blocks blocks;
        final float[] key;
        private final float[] previousKey;
        private boolean hasPrevious;
        private final float[][] boundSum;   // [t][block]: the bounds summed over the key's first t entries
        private final float[][] scoreSum;   // [t][column of block scoredBlock]
        private int scoredBlock;
        private final float[] scores, blockScores;
        private final AttentionRule.Top2 top = new AttentionRule.Top2();
        int best, second;
        boolean tied;
        private int j1, j2;
        private float s1, s2;

        Sources(Blocks blocks) {
            this.blocks = blocks;
            int maxQ = blocks.hi.length;
            key = new float[maxQ];
            previousKey = new float[maxQ];
            boundSum = new float[maxQ + 1][blocks.count];
            scoreSum = new float[maxQ + 1][blocks.width];
            scores = new float[blocks.n];
            blockScores = new float[blocks.width];
        }

        /** Forgets the previous source: the next one sums from scratch (a new head, new queries). */
        void restart() {
            hasPrevious = false;
            scoredBlock = -1;
        }

        /** Decides the source whose key is {@link #key} (not all zero), against the query rows {@code qx[0..q)} whose extremes {@link #blocks} holds. */
        void decide(float[][] qx, int q) {
            int shared = 0;
            if (hasPrevious) while (shared < q && label(key[shared]) == label(previousKey[shared])) shared++;
            System.arraycopy(key, 0, previousKey, 0, q);
            hasPrevious = true;
            int count = blocks.count;
            for (int t = shared; t < q; t++) {
                float k = key[t];
                float[] from = boundSum[t], to = boundSum[t + 1];
                if (k == 0f) {
                    System.arraycopy(from, 0, to, 0, count);
                    continue;
                }
                float[] extreme = k > 0f ? blocks.hi[t] : blocks.lo[t];
                for (int b = 0; b < count; b++) to[b] = from[b] + k * extreme[b];
            }
            float[] bound = boundSum[q];
            int top = 0;
            float runnerUp = Float.NEGATIVE_INFINITY; // the largest bound but the top one's
            for (int b = 0; b < count; b++) {
                float u = bound[b];
                if (u - u != 0f) { // NaN or ±∞
                    scoredBlock = -1; // scoreSum no longer follows the previous key
                    everyScore(qx, q);
                    return;
                }
                if (u > bound[top]) {
                    runnerUp = bound[top];
                    top = b;
                } else if (b != top && u > runnerUp) {
                    runnerUp = u;
                }
            }
            firstRank(top, sharedScores(top, qx, q, shared));
            // Most often no other block can matter, which the runner-up's bound shows at once.
            boolean others = count > 1 && (j2 < 0 || (AttentionRule.tied(s1, s2) ? !(runnerUp < s2) : AttentionRule.tied(s1, runnerUp)));
            for (int b = 0; others && b < count; b++) {
                if (b == top || !matters(bound[b], b)) continue;
                float[] s = blockScores;
                int from = b * blocks.width;
                Arrays.fill(s, 0f);
                for (int t = 0; t < q; t++) {
                    float k = key[t];
                    if (k != 0f) addScaled(s, k, qx[t], from, width(b));
                }
                rank(b, s);
            }
            best = j1;
            second = j2;
            tied = j2 >= 0 && AttentionRule.tied(s1, s2);
        }

        /** Block {@code b}'s scores, summed from the first entry that differs from the key whose partial sums {@link #scoreSum} holds. */
        private float[] sharedScores(int b, float[][] qx, int q, int shared) {
            if (b != scoredBlock) shared = 0;
            scoredBlock = b;
            int from = b * blocks.width, width = width(b);
            for (int t = shared; t < q; t++) {
                float k = key[t];
                float[] sum = scoreSum[t], next = scoreSum[t + 1];
                if (k == 0f) {
                    System.arraycopy(sum, 0, next, 0, width);
                    continue;
                }
                float[] row = qx[t];
                for (int e = 0; e < width; e++) next[e] = sum[e] + k * row[from + e];
            }
            return scoreSum[q];
        }

        private int width(int b) { return Math.min(blocks.n, (b + 1) * blocks.width) - b * blocks.width; }

        /** s[0..width) += k · row[from..from+width). */
        private static void addScaled(float[] s, float k, float[] row, int from, int width) {
            for (int e = 0; e < width; e++) s[e] += k * row[from + e];
        }

        /**
         * Whether block b, bounded by u, could change the decision (see the class comment).
         * Untied, the tie gap is the test, which any block that could hold a new best passes too
         * (its bound is at least the best score); tied, a new second, which any block that could
         * hold a new best could be too.
         */
        private boolean matters(float u, int b) {
            if (j2 < 0) return true;
            if (!AttentionRule.tied(s1, s2)) return AttentionRule.tied(s1, u);
            return AttentionRule.ranksBefore(u, b * blocks.width, s2, j2);
        }

        /**
         * The best two by the rule's ranking among block b's scores {@code s} alone: the rule's
         * scan, peeled like {@link AttentionRule#top2}'s (the scores are finite here, see the class comment).
         */
        private void firstRank(int b, float[] s) {
            int from = b * blocks.width, width = width(b);
            if (width < 2) {
                j1 = j2 = -1;
                rank(b, s);
                return;
            }
            j1 = from; s1 = s[0]; j2 = from + 1; s2 = s[1];
            if (s2 > s1) { j1 = from + 1; j2 = from; s1 = s[1]; s2 = s[0]; }
            for (int e = 2; e < width; e++) {
                float v = s[e];
                if (v > s2) {
                    if (v > s1) { j2 = j1; s2 = s1; j1 = from + e; s1 = v; }
                    else { j2 = from + e; s2 = v; }
                }
            }
        }

        /** Keeps the best two by the rule's ranking among those so far and block b's scores {@code s}. */
        private void rank(int b, float[] s) {
            int from = b * blocks.width, width = width(b);
            for (int e = 0; e < width; e++) {
                float v = s[e];
                int j = from + e;
                if (j1 < 0 || AttentionRule.ranksBefore(v, j, s1, j1)) {
                    j2 = j1; s2 = s1; j1 = j; s1 = v;
                } else if (j2 < 0 || AttentionRule.ranksBefore(v, j, s2, j2)) {
                    j2 = j; s2 = v;
                }
            }
        }

        /** The plain path: all n scores, then the rule's scan. */
        private void everyScore(float[][] qx, int q) {
            Arrays.fill(scores, 0f);
            for (int t = 0; t < q; t++) if (key[t] != 0f) DenseLayers.addScaled(scores, key[t], qx[t]);
            AttentionRule.top2(scores, blocks.n, top);
            best = top.best;
            second = top.second;
            tied = AttentionRule.tied(top.bestScore, top.secondScore);
        }

        /** A key entry's identity for sharing: 0 for either zero (no product), else its bits. */
        private static int label(float k) { return k == 0f ? 0 : Float.floatToRawIntBits(k); }
    }
}
