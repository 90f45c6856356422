package tc.learn;

/**
 * The result of one episode: a candidate run on one batch.
 *
 * @param score    shaped reward in [0, 1]: the mean over cases of the per-output partial credit
 *                 (1 for an exact word, up to {@value Scorer#NEAR_CREDIT} for agreeing bits), 0 for
 *                 a case that does not halt
 * @param accuracy fraction of cases whose every output is exact
 * @param words    fraction of all expected output words that are exact (no credit for near misses)
 */
public record Evaluation(double score, double accuracy, double words) {
    /** An evaluation whose exact-word fraction is not known separately (taken as the accuracy). */
    public Evaluation(double score, double accuracy) { this(score, accuracy, accuracy); }

    public boolean perfect() { return accuracy == 1.0; }
}
