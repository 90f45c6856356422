package tc.loom.engine;

import java.util.Arrays;
import java.util.stream.IntStream;
import tc.loom.transformer.LoomModel;

/**
 * The paper's attention, equation (1): A = X + Σ_h V_h X · softmax(λ · (K_h X)ᵀ(Q_h X)), the
 * softmax taken column-wise (each target column j weighs every source column i by
 * exp(λ S[i,j]) / Σ_i' exp(λ S[i',j])), with no top-2 rule and no zero-key skip; the feed-forward
 * block is the dense engine's. It exists to study where the argmax construction stops being exact
 * under softmax (docs/transformer.md, "Softmax attention, measured"): it is not expected to
 * reproduce Loom runs.
 *
 * <p>Weights are computed in double with the column's maximum subtracted. A source whose weight
 * is below 1e−12 of the largest is left out of the softmax, numerator and denominator (its share
 * is far below float32 resolution: the sum it would join is at least 1); the others are summed in
 * ascending source order. Heads with an empty V are skipped (they add exactly 0).
 *
 * <p>The shortcuts leave every bit as the literal loops have it (the package-private
 * {@code literal} constructor keeps those, one column after another on one thread;
 * {@code SoftmaxPassTest} compares the two after every step, on both profiles, at a low and a
 * high λ, and on noisy states): target columns whose queries are bit for bit equal have equal
 * scores and so equal outputs, which are computed once (a head's idle columns, all-zero queries
 * averaging every source, are most of the work otherwise); when no score can overflow, a query
 * row that is zero in column j (it adds ±0 to every score) is skipped and the maximum is taken
 * without NaN's rules; and exp is taken only for sources scoring within 29/λ of the column's
 * maximum (a threshold rounded down), since the exact 1e−12 test rejects every other one. The
 * groups of target columns are independent, so they are computed in chunks on all cores.
 */
public final class SoftmaxPass implements ForwardPass {
    /** The paper's temperature. */
    public static final double DEFAULT_LAMBDA = 10.0;
    private static final double NEGLIGIBLE = 1e-12;
    /** λ·(score − max) below −CUT gives a weight below {@link #NEGLIGIBLE} (ln 1e−12 = −27.63), with a margin. */
    private static final double CUT = 29;
    private static final int CHUNKS = 4 * Runtime.getRuntime().availableProcessors();

    private final LoomModel model;
    private final double lambda;
    private final boolean literal;
    private final DenseLayers dense;
    private final int d, n;
    private final DenseLayers.Activations act;
    private final java.util.function.Consumer<DenseLayers.Head> addHead;
    private final Scratch[] scratch;
    /** Query groups of the current head (see {@link #group}). */
    private final int[] table, groupOf, representative, groupStart, fill, targets;

    /** One chunk's buffers, so that chunks run in parallel and a step allocates nothing. */
    private static final class Scratch {
        final double[] weights;
        final float[] scores;
        final int[] sources;

        Scratch(int n) {
            weights = new double[n];
            scores = new float[n];
            sources = new int[n];
        }
    }

    public SoftmaxPass(LoomModel model) { this(model, DEFAULT_LAMBDA); }

    public SoftmaxPass(LoomModel model, double lambda) { this(model, lambda, false); }

    /** @param literal every score product and every exp, one column after another on one thread */
    SoftmaxPass(LoomModel model, double lambda, boolean literal) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) throw new IllegalArgumentException("λ must be a positive finite number, got " + lambda);
        this.model = model;
        this.lambda = lambda;
        this.literal = literal;
        this.dense = new DenseLayers(model);
        this.d = dense.shape.d();
        this.n = dense.shape.n();
        act = dense.new Activations();
        addHead = head -> attend(head, act.x);
        scratch = new Scratch[literal ? 1 : Math.min(CHUNKS, n)];
        for (int c = 0; c < scratch.length; c++) scratch[c] = new Scratch(n);
        table = new int[Integer.highestOneBit(Math.max(1, n)) * 4];
        groupOf = new int[n];
        representative = new int[n];
        groupStart = new int[n + 1];
        fill = new int[n];
        targets = new int[n];
    }

    public double lambda() { return lambda; }

    @Override public LoomModel model() { return model; }

    @Override public void step(float[] x) { dense.forward(x, act, addHead); }

    /** att += this head's softmax attention output on x. */
    private void attend(DenseLayers.Head head, float[][] x) {
        int[] valueRows = head.valueRows();
        if (valueRows.length == 0) return;
        int q = head.q();
        dense.multiply(head.kw(), q, x, act.k);
        dense.multiply(head.qw(), q, x, act.q);
        dense.multiply(head.vw(), d, x, act.v);
        if (literal) {
            for (int j = 0; j < n; j++) {
                targets[0] = j;
                column(head, j, targets, 0, 1, scratch[0], false);
            }
            return;
        }
        boolean finiteScores = finiteScores(q);
        int groups = group(q);
        int chunks = Math.min(scratch.length, groups);
        if (chunks == 1) groups(head, 0, groups, scratch[0], finiteScores);
        else IntStream.range(0, chunks).parallel()
                .forEach(c -> groups(head, c * groups / chunks, (c + 1) * groups / chunks, scratch[c], finiteScores));
    }

    /**
     * Whether every score is finite whatever the order of its sum: keys and queries finite and
     * q·max|K|·max|Q| far below the float range. Then a zero query adds ±0 to finite sums
     * (nothing), and no score is NaN, so the maximum can be taken without NaN's rules.
     */
    private boolean finiteScores(int q) {
        double k = largest(act.k, q), qq = largest(act.q, q);
        return Double.isFinite(k) && Double.isFinite(qq) && q * k * qq < Float.MAX_VALUE / 4;
    }

    /** The largest magnitude in rows [0, count), or infinity if one is not finite. */
    private double largest(float[][] rows, int count) {
        float largest = 0;
        for (int r = 0; r < count; r++)
            for (int i = 0; i < n; i++) {
                float v = Math.abs(rows[r][i]);
                if (!(v <= largest)) {
                    if (!Float.isFinite(v)) return Double.POSITIVE_INFINITY;
                    largest = v;
                }
            }
        return largest;
    }

    /**
     * The maximum of scores that hold no NaN, with four running maxima so the loop is not one
     * chain of dependent compares. It may return −0 where {@link Math#max} gives +0; the weights
     * do not tell them apart (s − (−0) and s − (+0) are equal but for s = ±0, whose exp is 1 either way).
     */
    private float max(float[] scores) {
        float m0 = Float.NEGATIVE_INFINITY, m1 = m0, m2 = m0, m3 = m0;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            float a = scores[i], b = scores[i + 1], c = scores[i + 2], e = scores[i + 3];
            m0 = a > m0 ? a : m0;
            m1 = b > m1 ? b : m1;
            m2 = c > m2 ? c : m2;
            m3 = e > m3 ? e : m3;
        }
        for (; i < n; i++) m0 = scores[i] > m0 ? scores[i] : m0;
        m0 = m1 > m0 ? m1 : m0;
        m2 = m3 > m2 ? m3 : m2;
        return m2 > m0 ? m2 : m0;
    }

    /**
     * Sorts the target columns into groups with bit-identical queries (they have identical scores,
     * hence identical outputs): afterwards group g holds {@code targets[groupStart[g] .. groupStart[g+1])},
     * ascending, its first column the representative. Returns the number of groups.
     */
    private int group(int q) {
        float[][] qx = act.q;
        Arrays.fill(table, -1);
        int mask = table.length - 1, groups = 0;
        for (int j = 0; j < n; j++) {
            int h = 1;
            for (int r = 0; r < q; r++) h = mix(h ^ Float.floatToRawIntBits(qx[r][j]));
            int slot = h & mask;
            while (true) {
                int rep = table[slot];
                if (rep < 0) {
                    table[slot] = j;
                    groupOf[j] = groups;
                    representative[groups++] = j;
                    break;
                }
                if (sameQuery(qx, q, rep, j)) {
                    groupOf[j] = groupOf[rep];
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        // counting sort of the columns by group, ascending within each group
        Arrays.fill(groupStart, 0, groups + 1, 0);
        for (int j = 0; j < n; j++) groupStart[groupOf[j] + 1]++;
        for (int g = 0; g < groups; g++) groupStart[g + 1] += groupStart[g];
        System.arraycopy(groupStart, 0, fill, 0, groups);
        for (int j = 0; j < n; j++) targets[fill[groupOf[j]]++] = j;
        return groups;
    }

    /** A full avalanche of the bits (bipolar values differ only in the sign bit, so a plain hash clusters them). */
    private static int mix(int h) {
        h *= 0x9E3779B9;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        return h ^ (h >>> 13);
    }

    private static boolean sameQuery(float[][] qx, int q, int a, int b) {
        for (int r = 0; r < q; r++) if (Float.floatToRawIntBits(qx[r][a]) != Float.floatToRawIntBits(qx[r][b])) return false;
        return true;
    }

    private void groups(DenseLayers.Head head, int from, int to, Scratch s, boolean finiteScores) {
        for (int g = from; g < to; g++) column(head, representative[g], targets, groupStart[g], groupStart[g + 1], s, finiteScores);
    }

    /** Column j's softmax output, added to att in j and in the columns {@code members[from..to)} (j among them), whose query equals j's. */
    private void column(DenseLayers.Head head, int j, int[] members, int from, int to, Scratch s, boolean finiteScores) {
        int q = head.q();
        float[][] kx = act.k, qx = act.q, vx = act.v, att = act.att;
        float[] scores = s.scores;
        double[] weights = s.weights;
        int[] sources = s.sources;
        // Column j of S: S[i,j] = KX[:,i]·QX[:,j] for every source i.
        Arrays.fill(scores, 0f);
        for (int r = 0; r < q; r++) {
            float query = qx[r][j];
            if (query == 0f && finiteScores) continue;
            DenseLayers.addScaled(scores, query, kx[r]);
        }
        float max = finiteScores ? max(scores) : Float.NEGATIVE_INFINITY;
        if (!finiteScores) for (int i = 0; i < n; i++) max = Math.max(max, scores[i]);
        // Only sources within 29/λ of the maximum can reach the 1e−12 cut-off: the exact test
        // below decides, the threshold (rounded down) only spares the exps of the others.
        double cut = max - CUT / lambda;
        float candidate = (float) cut;
        if (candidate > cut) candidate = Math.nextDown(candidate);
        double total = 0;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (!literal && !(scores[i] >= candidate)) continue;
            double w = Math.exp(lambda * ((double) scores[i] - max));
            if (w >= NEGLIGIBLE) {
                total += w;
                weights[kept] = w;
                sources[kept++] = i;
            }
        }
        for (int row : head.valueRows()) {
            double sum = 0;
            float[] v = vx[row];
            for (int e = 0; e < kept; e++) sum += weights[e] * v[sources[e]];
            float out = (float) (sum / total);
            float[] a = att[row];
            for (int m = from; m < to; m++) a[members[m]] += out;
        }
    }
}
