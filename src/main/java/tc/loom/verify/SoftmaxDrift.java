package tc.loom.verify;

import tc.loom.engine.ExactHost;
import tc.loom.engine.ForwardPass;
import tc.loom.engine.SoftmaxPass;
import tc.loom.engine.SparsePass;
import tc.loom.interp.IsaMachine;
import tc.loom.isa.Program;
import tc.loom.state.StateLayout;
import tc.loom.state.StateMatrix;
import tc.loom.transformer.LoomModel;
import tc.loom.transformer.weights.exact.ExactWeights;

/**
 * Where softmax attention leaves the argmax construction, for one program, one weight model and
 * one temperature λ. Three machines run in lockstep from the same start: the ideal interpreter
 * ({@link IsaMachine}), the argmax engine on the model ({@link SparsePass}, the yardstick) and the
 * softmax engine on the same model ({@link SoftmaxPass} at λ). After every step two departures of
 * the softmax state are looked for:
 * <ul>
 * <li><b>value set</b>: an entry farther than {@link #BOUND} from every value that entry holds
 *     between steps ({@link ValueSet}: −1, 0, +1, and the exact layout's PRIO constants);</li>
 * <li><b>decoded</b>: the PC or a memory cell, decoded as the engines decode them
 *     ({@link StateMatrix#pc()}, {@link StateMatrix#memory(int)}: bit = entry &gt; 0), differs from
 *     the interpreter's after the same step.</li>
 * </ul>
 * The run ends when both are found, when the interpreter halts or faults (the faulting step is not
 * compared: the interpreter has no state after it), or after {@code maxSteps} steps. The argmax
 * engine is checked the same way, so that a departure can be told apart from a defect of the
 * weights themselves (loom-v1's, REFERENCE.md §9), and its largest distance from the value set is
 * kept as the evidence that the set is the right one.
 */
public final class SoftmaxDrift {
    /** How far from the value set an entry must be to count as having left it. */
    public static final float BOUND = 0.5f;

    private SoftmaxDrift() {}

    /** Why the lockstep run stopped. */
    public enum End {
        /** Everything looked for was found: the run decoded wrong and (without the snap) left the value set. */
        FOUND,
        /** The interpreter halted: the program's whole run was compared. */
        HALTED,
        /** The interpreter faulted (the program's expected end, e.g. a pointer fault); the steps before it were compared. */
        FAULTED,
        /** The step cap came first. */
        STEP_LIMIT
    }

    /**
     * The first step where something departed.
     *
     * @param where a short category: the region key of the entry that left the value set, or
     *              {@code pc} or {@code memory} for a decoded difference
     * @param what  the details, in words
     */
    public record Departure(long step, String where, String what) {}

    /**
     * @param steps         steps compared
     * @param end           why the run stopped
     * @param valueSet      the softmax state's first entry more than {@link #BOUND} from the value set, or null
     * @param decoded       the softmax state's first wrong PC or memory cell, or null
     * @param argmaxDecoded the argmax engine's first wrong PC or memory cell, or null (never on the exact profile)
     * @param argmaxWorst   the largest distance from the value set any argmax state had
     * @param softWorst     the largest distance the softmax states had before leaving the set (all steps if they never left)
     * @param nanos         wall time of the softmax steps alone
     */
    public record Result(long steps, End end, Departure valueSet, Departure decoded, Departure argmaxDecoded, float argmaxWorst,
                         float softWorst, long nanos) {}

    /** Runs {@code program} on interpreter, argmax and softmax (λ) for at most {@code maxSteps} steps. */
    public static Result run(Program program, LoomModel model, double lambda, long maxSteps) {
        return run(program, model, new SoftmaxPass(model, lambda), maxSteps, false);
    }

    /**
     * The same with an ideal snap after every step: each softmax state entry is rounded to the
     * nearest value of the set (the PRIO row to its constant) before it is decoded and stepped
     * on — the most a snap layer could do, since an FFN snap maps each entry to at best the
     * nearest value. The value set is checked before the rounding (it is left if an entry is more
     * than 0.5 away within one step); the run ends at the first decoded departure.
     */
    public static Result runSnapped(Program program, LoomModel model, double lambda, long maxSteps) {
        return run(program, model, new SoftmaxPass(model, lambda), maxSteps, true);
    }

    /**
     * The same with a given softmax pass (it must run {@code model}): the tests use it to perturb
     * the state and see the detector fire.
     */
    public static Result run(Program program, LoomModel model, ForwardPass softmax, long maxSteps, boolean snap) {
        if (maxSteps < 1) throw new IllegalArgumentException("max steps must be at least 1, got " + maxSteps);
        if (softmax.model() != model) throw new IllegalArgumentException("the softmax pass must run the given model");
        boolean exact = ExactWeights.PROFILE.equals(model.profile());
        if (exact) ExactHost.check(program);
        StateLayout layout = exact ? StateLayout.exact(program.config()) : StateLayout.of(program.config());
        StateMatrix soft = StateMatrix.initial(program, layout), argmax = StateMatrix.initial(program, layout);
        ForwardPass reference = new SparsePass(model);
        IsaMachine isa = new IsaMachine(program);
        Departure valueSet = null, decoded = null, argmaxDecoded = null;
        float argmaxWorst = 0, softWorst = 0;
        long nanos = 0, step = 0;
        End end = End.STEP_LIMIT;
        while (step < maxSteps) {
            if (isa.halted()) { end = End.HALTED; break; }
            isa.step();
            if (isa.fault() != null) { end = End.FAULTED; break; }
            step++;
            long t0 = System.nanoTime();
            softmax.step(soft);
            nanos += System.nanoTime() - t0;
            reference.step(argmax);

            ValueSet.Entry far = ValueSet.farthest(soft);
            if (valueSet == null) {
                if (far.distance() <= BOUND) softWorst = Math.max(softWorst, far.distance());
                else valueSet = new Departure(step, far.region().key(), describe(far));
            }
            if (snap) ValueSet.round(soft);
            if (decoded == null) decoded = wrong(soft, isa, step);
            if (argmaxDecoded == null) argmaxDecoded = wrong(argmax, isa, step);
            argmaxWorst = Math.max(argmaxWorst, ValueSet.farthest(argmax).distance());
            if (decoded != null && (valueSet != null || snap)) { end = End.FOUND; break; }
        }
        if (end == End.STEP_LIMIT && isa.halted()) end = End.HALTED;
        return new Result(step, end, valueSet, decoded, argmaxDecoded, argmaxWorst, softWorst, nanos);
    }

    private static String describe(ValueSet.Entry e) {
        return String.format(java.util.Locale.ROOT, "%s row %d, column %d = %.3g", e.region().key(), e.row(), e.column(), e.value());
    }

    /** The first decoded difference from the interpreter (PC first, then memory in index order), or null. */
    static Departure wrong(StateMatrix x, IsaMachine isa, long step) {
        if (x.pc() != isa.pc()) return new Departure(step, "pc", "PC " + x.pc() + ", interpreter " + isa.pc());
        int m = x.layout().config().m();
        for (int i = 0; i < m; i++)
            if (x.memory(i) != isa.cell(i)) return new Departure(step, "memory", "cell " + i + " = " + x.memory(i) + ", interpreter " + isa.cell(i));
        return null;
    }
}
