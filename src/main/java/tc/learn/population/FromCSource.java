package tc.learn.population;

import tc.learn.CReference;
import tc.learn.FromC;
import tc.learn.Task;
import tc.source.SourceFile;

/**
 * A {@code tc learn --from} task as a recipe: the C source text (not its path, which an executor
 * may not see), the function, the options, the seed of its cases and the scratch registers
 * granted. Each island compiles the reference and draws the cases again; both are pure functions
 * of these fields, so every executor gets the task the driver would.
 *
 * @param function the function to learn (null: the file's only one)
 */
public record FromCSource(String sourceName, String sourceText, String function, FromC.Options options, long seed, int scratch)
        implements TaskSource {
    public FromCSource {
        if (sourceName == null || sourceText == null || options == null) throw new IllegalArgumentException("a --from task needs its source and options");
        if (scratch < 0) throw new IllegalArgumentException("scratch registers must be ≥ 0, got " + scratch);
    }

    /** The reference function, compiled for the longest array the options ask for. */
    public CReference reference() {
        return CReference.compile(new SourceFile(sourceName, sourceText), function, Math.max(options.trainTo(), options.testTo()));
    }

    @Override public Task task() { return FromC.task(reference(), options, seed, scratch); }

    /** The same task with a fresh held-out draw, never seen while learning: what the reported accuracy is measured on. */
    public Task reportTask() { return FromC.reportTask(reference(), options, seed, scratch); }

    /** This recipe with another scratch grant (the next stage of {@link FromCSearch}). */
    public FromCSource withScratch(int s) { return new FromCSource(sourceName, sourceText, function, options, seed, s); }
}
