package tc.learn;

/**
 * How the learner derives the seeds of its random streams from a run's seed, so that the mixing
 * constant has one home. Changing anything here changes every learned result and the episode
 * counts the tests and docs pin.
 */
final class Seeds {
    private Seeds() {}

    /**
     * 2^64 divided by the golden ratio, made odd: multiplying by it spreads consecutive seeds over
     * the whole 64-bit range, so that the streams of seeds 1, 2, 3… do not start alike.
     */
    static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** Where the search phases' streams start (any fixed number would do; this one is historical). */
    static final long PHASES = 17;

    /** The seed of stream {@code stream} of a run with seed {@code seed}. */
    static long stream(long seed, long stream) { return seed * GOLDEN_GAMMA + stream; }

    /** The seed of what is named {@code name} (a task's cases) in a run with seed {@code seed}. */
    static long named(long seed, String name) { return seed ^ name.hashCode() * GOLDEN_GAMMA; }
}
