package tc.transformer.engine;

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
}
