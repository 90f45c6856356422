package tc.loom.engine;

/**
 * @param maxSteps stop with {@link RunResult.Status#STEP_LIMIT} after this many instructions
 * @param trace    receives every executed instruction, or null
 */
public record RunOptions(long maxSteps, TraceListener trace) {
    public static final long DEFAULT_MAX_STEPS = 10_000_000L;

    public RunOptions {
        if (maxSteps < 1) throw new IllegalArgumentException("max steps must be at least 1, got " + maxSteps);
    }

    public static RunOptions defaults() { return new RunOptions(DEFAULT_MAX_STEPS, null); }

    public RunOptions withMaxSteps(long steps) { return new RunOptions(steps, trace); }

    public RunOptions withTrace(TraceListener listener) { return new RunOptions(maxSteps, listener); }
}
