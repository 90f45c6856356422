package tc.loom.engine;

/**
 * Loom's argmax attention rule (REFERENCE.md §2.1.2), shared by the exact engines so that they
 * decide identically.
 *
 * <p>Each source column i with a non-zero key sends V·x_i to its best two target columns by score
 * S[i,j] (i itself included). <b>Tie rule:</b> targets are ranked by score, higher first, and on
 * equal scores the lower column index first, i.e. a left-to-right scan keeping the best two with
 * strict {@code >}. For a two-way tie (the designed case: column 0 and the column it addresses)
 * this is exactly what {@code torch.topk(2)} picks, since the pair is the same whatever order
 * topk returns it in; with three or more equal maxima the reference's choice is
 * implementation-defined and we take the two lowest indices (as the JS sparse engine does).
 * If the best two differ by less than {@link #TIE_GAP} each gets half, otherwise the best gets all.
 */
final class AttentionRule {
    private AttentionRule() {}

    /** Scores closer than this split the value 50/50. */
    static final float TIE_GAP = 1.0f;

    /** A source whose key has no entry of at least this magnitude sends nothing. */
    static final float ZERO_KEY = 1e-6f;

    /** Whether target a (score sa) ranks before target b (score sb). */
    static boolean ranksBefore(float sa, int a, float sb, int b) { return sa > sb || (sa == sb && a < b); }

    static boolean tied(float best, float second) { return best - second < TIE_GAP; }

    /** Whether a key (q values from {@code offset}, stride {@code stride}) is effectively zero. */
    static boolean zeroKey(float[] key, int offset, int count, int stride) {
        for (int r = 0; r < count; r++) if (Math.abs(key[offset + r * stride]) >= ZERO_KEY) return false;
        return true;
    }

    static float relu(float v) { return v > 0f ? v : 0f; }

    /** The best two targets of one source, reused across sources so the hot loop allocates nothing. */
    static final class Top2 {
        int best = -1, second = -1;
        float bestScore, secondScore;
    }

    /** The best two of {@code scores[0..n)} under the tie rule above (left-to-right scan, strict {@code >}). */
    static void top2(float[] scores, int n, Top2 out) {
        if (n >= 2 && !Float.isNaN(Math.min(scores[0], scores[1]))) {
            top2Peeled(scores, n, out);
            return;
        }
        int j1 = -1, j2 = -1;
        float s1 = Float.NEGATIVE_INFINITY, s2 = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            float s = scores[j];
            if (j1 < 0 || s > s1) {
                j2 = j1; s2 = s1; j1 = j; s1 = s;
            } else if (j2 < 0 || s > s2) {
                j2 = j; s2 = s;
            }
        }
        out.best = j1; out.second = j2; out.bestScore = s1; out.secondScore = s2;
    }

    /**
     * The same scan with the first two targets taken before the loop, so that the common case (a
     * score not above the second best) costs one comparison: ~2× faster, and the same result
     * whenever neither of the first two scores is NaN (a NaN second best would never be displaced
     * here, while the full scan can still displace the best).
     */
    private static void top2Peeled(float[] scores, int n, Top2 out) {
        int j1 = 0, j2 = 1;
        float s1 = scores[0], s2 = scores[1];
        if (s2 > s1) { j1 = 1; j2 = 0; s1 = scores[1]; s2 = scores[0]; }
        for (int j = 2; j < n; j++) {
            float s = scores[j];
            if (s > s2) {
                if (s > s1) { j2 = j1; s2 = s1; j1 = j; s1 = s; }
                else { j2 = j; s2 = s; }
            }
        }
        out.best = j1; out.second = j2; out.bestScore = s1; out.secondScore = s2;
    }
}
