package tc.loom.verify;

/**
 * The outcome of a lockstep run.
 *
 * @param status     how it ended
 * @param steps      steps both sides ran (for a divergence, up to and including the diverging one)
 * @param divergence the first disagreement, or null unless status is {@link Status#DIVERGED}
 */
public record Verification(Status status, long steps, Divergence divergence) {

    public enum Status {
        /** Both halted after the same steps with the same PC and memory after every step. */
        VERIFIED,
        /** They agreed on every step run, but the step limit came before HALT. */
        STEP_LIMIT,
        /** They agreed on every step, then both faulted on the same step (exact profile only). */
        FAULTED_ALIKE,
        /** They disagreed; see {@link #divergence()}. */
        DIVERGED
    }

    public Verification {
        if ((status == Status.DIVERGED) != (divergence != null))
            throw new IllegalArgumentException("a divergence comes with status DIVERGED and only with it");
    }

    /** Both sides agreed to the end: both halted, or both faulted alike. */
    public boolean verified() { return status == Status.VERIFIED || status == Status.FAULTED_ALIKE; }
}
