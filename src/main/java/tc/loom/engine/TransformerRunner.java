package tc.loom.engine;

import tc.loom.state.StateMatrix;

/**
 * The host loop around a {@link ForwardPass} (REFERENCE.md §1.5): before each step, stop if the PC
 * (column 0, unsigned, bit = value &gt; 0) is 0; otherwise run one step. Steps are counted like
 * Loom's: the HALT instruction's own step counts.
 */
public final class TransformerRunner {

    /** Called after every step with the state it left. */
    @FunctionalInterface
    public interface StepListener {
        /**
         * @param step     1-based number of the step just run
         * @param pcBefore the PC the step started at
         * @param x        the state after the step (live; do not keep it or edit it: the next step
         *                 may read only the columns the pass moved)
         */
        void afterStep(long step, int pcBefore, StateMatrix x);
    }

    private final ForwardPass engine;

    public TransformerRunner(ForwardPass engine) { this.engine = engine; }

    public ForwardPass engine() { return engine; }

    /**
     * Runs on {@code x} in place until PC = 0 or {@code maxSteps} steps; listener may be null.
     * Returns the steps run; whether the program halted is in the state ({@code x.pc() == 0}),
     * and the run's result as a program's is {@link RunResult}, made by {@link TransformerEngine}.
     */
    public long run(StateMatrix x, long maxSteps, StepListener listener) { return run(x, maxSteps, listener, pc -> false); }

    /**
     * Runs until PC = 0, until {@code stop} accepts the PC (the exact profile's fault columns and
     * columns outside the program), or {@code maxSteps} steps.
     */
    public long run(StateMatrix x, long maxSteps, StepListener listener, java.util.function.IntPredicate stop) {
        if (maxSteps < 0) throw new IllegalArgumentException("max steps must not be negative, got " + maxSteps);
        long steps = 0;
        while (steps < maxSteps) {
            int pc = x.pc();
            if (pc == 0 || stop.test(pc)) break;
            // after the first step the state is what the pass left (listeners only read it)
            if (steps == 0) engine.step(x);
            else engine.stepNext(x.data());
            steps++;
            if (listener != null) listener.afterStep(steps, pc, x);
        }
        return steps;
    }
}
