package tc.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The timings of one program on one engine, at one configuration and (for a transformer) one
 * weight profile.
 *
 * <p>A transformer engine's first step recomputes the whole state (the sparse engine has nothing
 * to reuse yet), so it is timed apart from the steady steps after it; the per-step figures
 * describe the steady steps. The interpreter has no such split: all its steps are steady.
 *
 * @param program      bench program name
 * @param engine       engine name
 * @param config       the configuration's name ({@code 146x512}…) the program was compiled for
 * @param profile      weight profile, or null for the interpreter
 * @param steps        instructions executed per timed run (the same in every run)
 * @param halted       whether the run reached HALT (false: stopped at the step cap)
 * @param coldNanos    the first warm-up run (the weights are built before it, apart); -1 without warm-up
 * @param runNanos     wall time of every timed run, setup and all steps included
 * @param firstStepNanos time of the first step in every timed run (empty for the interpreter)
 * @param steadySteps  steps timed in {@code steadyNanos}
 * @param steadyNanos  time of the steady steps in every timed run
 * @param check        whether the result was right: for the interpreter, main's return value
 *                     against the source's stated one; for a transformer, its memory and PC
 *                     against the interpreter's after the same number of steps
 * @param checkText    the check, in words
 */
public record Measurement(String program, String engine, String config, String profile, long steps, boolean halted, long coldNanos,
                          List<Long> runNanos, List<Long> firstStepNanos, long steadySteps, List<Long> steadyNanos,
                          boolean check, String checkText) {
    public Measurement {
        runNanos = List.copyOf(runNanos);
        firstStepNanos = List.copyOf(firstStepNanos);
        steadyNanos = List.copyOf(steadyNanos);
        if (runNanos.isEmpty() || steadyNanos.size() != runNanos.size())
            throw new IllegalArgumentException("a measurement needs at least one timed run, with its steady time");
    }

    /** Median wall time of a whole run. */
    public long medianNanos() { return median(runNanos); }

    public long minNanos() { return runNanos.stream().mapToLong(Long::longValue).min().orElseThrow(); }

    /** Median time of the first step; -1 when it is not timed apart (the interpreter). */
    public long firstStepMedianNanos() { return firstStepNanos.isEmpty() ? -1 : median(firstStepNanos); }

    /** Median time per steady step, in nanoseconds; NaN when there were none. */
    public double nanosPerStep() { return steadySteps == 0 ? Double.NaN : (double) median(steadyNanos) / steadySteps; }

    /** Steady steps per second. */
    public double stepsPerSecond() { return 1e9 / nanosPerStep(); }

    /** The lower middle value for an even count. */
    static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }
}
