package tc.learn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcParams;
import tc.computer.soft.FinalStateLoss;
import tc.computer.soft.SoftGradients;
import tc.computer.soft.SoftState;
import tc.computer.soft.SoftTemperatures;

/**
 * A gradient phase on the soft machine: Adam on the 112·slots program parameters, the loss
 * ({@link TaskLoss}: robust squared error of every expected output word, per output) computed on
 * the task's training batch by {@link SoftGradients} (hand-derived reverse mode through T steps).
 * Each gradient step is one episode ({@link EpisodeCounter#gradientStep}).
 *
 * <p>The two phases of the pipeline are instances: {@link #warmUp} (fixed high τ, no entropy
 * pressure: explore the blend) and {@link #anneal} (τ falls geometrically, an auxiliary entropy
 * loss on the opcode and register distributions pushes them toward one-hot so the argmax program
 * means what the soft program computed). {@link #fixedHighTau} is the ablation that never anneals.
 *
 * <p>Prior (the same one the search uses, {@link Vocabulary}): opcodes outside the task's vocabulary
 * and registers the task does not grant are frozen at a large negative logit; slots from the task's
 * maximum length on are frozen to HALT, so every program halts by falling off its end within
 * T = maxLength + 1 straight-line steps (T is larger for tasks with loops). NOP is allowed in the
 * soft program and starts slightly favoured, so the initial program is close to "do nothing" and
 * the gradient decides which slots act; crystallised NOPs are deleted.
 *
 * <p>Every {@link #CHECK_EVERY} steps and at the end, the argmax program is crystallised and scored
 * on the training batch (one episode, only when it is a program not scored before); a training-perfect
 * one is verified on the held-out set (one more), which ends learning.
 */
public final class GradientPhase implements Phase {
    static final int CHECK_EVERY = 4, IMM_LEARNED_BITS = 6;
    /**
     * Checks in a row that crystallise the same program before a phase stops early: once the
     * argmax has not moved in {@value #CHECK_EVERY} steps, the phase's remaining steps would be
     * episodes spent on a program already scored (measured: ~35 episodes saved per task on max,
     * abs, sum_array, gcd; add unchanged).
     */
    static final int PATIENCE = 1;

    /**
     * The operations the gradient phases may blend: those whose result is near its operands
     * (moves, additions, compare, jumps, memory). MUL, DIV, MOD, the bitwise operations and the
     * shifts are left to the discrete search: at any τ where gradients flow, the small probability
     * they keep makes the blend carry their 32-bit-sized results (a·b, a≪b), which swamp the loss
     * and its gradient (measured: a one-slot add at τ = 1 sits at loss ≈ e^13 per output, and the
     * gradient settles on "do nothing" instead of ADD).
     */
    static final Set<TcOp> SOFT_OPS = Set.copyOf(java.util.EnumSet.of(TcOp.HALT, TcOp.NOP, TcOp.MOV, TcOp.LI, TcOp.ADD, TcOp.ADDI, TcOp.SUB,
            TcOp.CMP, TcOp.JMP, TcOp.JZ, TcOp.JNZ, TcOp.JLT, TcOp.JGE, TcOp.JLE, TcOp.JGT, TcOp.LOAD, TcOp.STORE));
    static final double MASKED = -40, NOP_BIAS = 1.0, INIT_SD = 0.3, RATE = 0.1;

    private final String name;
    private final int slots, steps;
    private final double tauStart, tauEnd, entropyWeight, haltWeight;

    /**
     * Weight of the auxiliary halting loss, (1 − halted mass)² per case at the end of the horizon
     * ({@link TaskLoss}): a soft program whose mass is still running when the outputs are read is
     * pushed toward HALT, so that what is scored is a finished computation.
     */
    static final double HALT_WEIGHT = 1.0;

    /**
     * @param slots how many leading slots are learned (capped at the task's maximum length); the
     *              rest stay HALT. Phases with growing {@code slots} make the gradient's length
     *              curriculum: each new slot starts undecided, the learned ones keep their values.
     */
    public GradientPhase(String name, int slots, int steps, double tauStart, double tauEnd, double entropyWeight) {
        this(name, slots, steps, tauStart, tauEnd, entropyWeight, HALT_WEIGHT);
    }

    /** @param haltWeight weight of the auxiliary halting loss (0: none) */
    public GradientPhase(String name, int slots, int steps, double tauStart, double tauEnd, double entropyWeight, double haltWeight) {
        if (!(haltWeight >= 0)) throw new IllegalArgumentException("haltWeight must be ≥ 0");
        this.haltWeight = haltWeight;
        if (steps < 0) throw new IllegalArgumentException("steps must be ≥ 0");
        if (slots < 1) throw new IllegalArgumentException("slots must be ≥ 1");
        this.slots = slots;
        if (!(tauStart > 0) || !(tauEnd > 0)) throw new IllegalArgumentException("temperatures must be positive");
        this.name = name;
        this.steps = steps;
        this.tauStart = tauStart;
        this.tauEnd = tauEnd;
        this.entropyWeight = entropyWeight;
    }

    public static final double TAU_HIGH = 1.0, TAU_LOW = 0.05;

    public static GradientPhase warmUp(int slots, int steps) { return new GradientPhase("warm-up", slots, steps, TAU_HIGH, TAU_HIGH, 0); }

    public static GradientPhase anneal(int slots, int steps) { return new GradientPhase("anneal", slots, steps, TAU_HIGH, TAU_LOW, 0.05); }

    /** The ablation of annealing: as {@link #anneal} but τ stays at {@link #TAU_HIGH} and no entropy pressure. */
    public static GradientPhase fixedHighTau(int slots, int steps) { return new GradientPhase("fixed-tau", slots, steps, TAU_HIGH, TAU_HIGH, 0); }

    /** This phase without the auxiliary halting loss (the ablation). */
    public GradientPhase withoutHaltingLoss() { return new GradientPhase(name, slots, steps, tauStart, tauEnd, entropyWeight, 0); }

    public int slots() { return slots; }
    public int steps() { return steps; }

    @Override public String name() { return name; }

    /** τ at step {@code k} of this phase: geometric from start to end. */
    double tau(int k) {
        if (steps <= 1) return tauEnd;
        return tauStart * Math.pow(tauEnd / tauStart, (double) k / (steps - 1));
    }

    /** Steps each soft run takes: enough for a straight-line program to reach its HALT. */
    static int horizon(Task task) {
        int straight = task.maxLength() + 1;
        return (int) Math.min(task.stepLimit(), task.usesMemory() ? Math.max(straight, 40) : 2L * straight);
    }

    @Override public void run(LearnContext ctx) {
        LearnState state = ctx.state();
        if (state.solved) return;
        Task task = ctx.task();
        TcMachineSpec spec = task.spec();
        int learn = Math.min(slots, task.maxLength());
        if (state.params == null || state.softSlots < learn) initialise(ctx, learn);
        SoftState[] initial = TaskLoss.initialStates(spec, task.train());
        TaskLoss loss = new TaskLoss(task.train(), haltWeight);
        int outputs = loss.outputs(), horizon = horizon(task);
        Set<List<TcInstruction>> seen = new HashSet<>();
        List<TcInstruction> last = null;
        int stale = 0;
        for (int k = 0; k < steps; k++) {
            double tau = tau(k);
            SoftTemperatures temps = new SoftTemperatures(tau, tau, tau, Math.min(1.0, tau));
            SoftGradients.Result r = ctx.counter().gradientStep(() -> softGradient(ctx, temps, initial, horizon, loss));
            double taskLoss = r.loss() / outputs;
            double[] g = r.gradient();
            boolean finite = Double.isFinite(taskLoss);
            for (double x : g) if (!Double.isFinite(x)) { finite = false; break; }
            double reported = Double.NaN;
            if (finite) {
                for (int i = 0; i < g.length; i++) g[i] /= outputs;
                double entropy = entropyWeight > 0 ? addEntropy(state.params, task, tau, entropyWeight, g) : 0;
                state.optimizer.step(state.params, g, RATE);
                reported = taskLoss + entropy;
            }
            // A non-finite loss (a blend overflowed) still cost its episode and gets its point; the update is skipped.
            state.record(new LearnState.CurvePoint(ctx.counter().episodes(), Double.NaN, Double.NaN, tau, name, reported));
            ctx.progress().accept(ctx.counter().episodes());
            if ((k + 1) % CHECK_EVERY == 0 || k == steps - 1) {
                List<TcInstruction> now = crystallise(state.params, task);
                stale = now.equals(last) ? stale + 1 : 0;
                last = now;
                if (check(ctx, now, seen, tau)) return;
                if (stale >= PATIENCE) return;
            }
        }
    }

    /** The relaxed program's loss and gradient on the soft machine with the context's memory addressing. */
    static SoftGradients.Result softGradient(LearnContext ctx, SoftTemperatures temps, SoftState[] initial, int horizon, FinalStateLoss loss) {
        return SoftGradients.compute(ctx.task().spec(), ctx.state().params, temps, ctx.addressing(), initial, horizon, loss, true);
    }

    /** Crystallises the argmax program and scores it when new; true when it solved the task. */
    private boolean check(LearnContext ctx, List<TcInstruction> code, Set<List<TcInstruction>> seen, double tau) {
        LearnState state = ctx.state();
        if (!seen.add(code)) return false;
        Evaluation e = ctx.counter().evaluate(ctx.program(code), ctx.task(), ctx.task().train());
        state.record(new LearnState.CurvePoint(ctx.counter().episodes(), e.score(), e.accuracy(), tau, name, Double.NaN));
        if (state.train == null || e.score() > state.train.score()) {
            state.program = code;
            state.train = e;
        }
        return e.perfect() && ctx.verify(code, e, name);
    }

    /** The argmax program, NOPs deleted (jumps to them land on what follows), jumps canonical. */
    static List<TcInstruction> crystallise(double[] params, Task task) {
        List<TcInstruction> code = new ArrayList<>(Crystallize.decode(params, task.maxLength(), task.spec()));
        for (int k = code.size() - 1; k >= 0; k--) if (code.get(k).op() == TcOp.NOP) code = Mutations.delete(code, k);
        return Mutations.canonical(code);
    }

    /**
     * Makes slots 0..learn−1 learnable: new ones start undecided (small random logits), those
     * learned before keep their parameters; the optimiser restarts with the new mask.
     */
    private static void initialise(LearnContext ctx, int learn) {
        Task task = ctx.task();
        LearnState state = ctx.state();
        int slots = task.spec().slots(), per = TcParams.PER_INSTRUCTION;
        int kept = state.params == null ? 0 : state.softSlots;
        double[] p = state.params == null ? new double[slots * per] : state.params;
        boolean[] frozen = new boolean[p.length];
        SplittableRandom r = new SplittableRandom(Seeds.stream(ctx.seed(), Seeds.PHASES + learn));
        Set<TcOp> allowed = new HashSet<>(new Vocabulary(task).ops());
        allowed.add(TcOp.NOP);
        allowed.retainAll(SOFT_OPS);
        for (int s = 0; s < slots; s++) {
            int o = s * per;
            boolean learnable = s < learn;
            if (s < kept) {
                // Learned before: keep the values, refreeze exactly what the prior froze.
                for (int i = 0; i < per; i++) frozen[o + i] = p[o + i] == MASKED;
                continue;
            }
            for (int op = 0; op < TcOp.COUNT; op++) {
                TcOp x = TcOp.of(op);
                boolean ok = learnable && allowed.contains(x);
                p[o + TcParams.OPCODE + op] = !learnable ? (x == TcOp.HALT ? -MASKED : MASKED)
                        : ok ? INIT_SD * r.nextGaussian() + (x == TcOp.NOP ? NOP_BIAS : 0) : MASKED;
                frozen[o + TcParams.OPCODE + op] = !ok;
            }
            for (int group : new int[]{TcParams.RD, TcParams.RS1, TcParams.RS2})
                for (int reg = 0; reg < TcMachineSpec.REGISTERS; reg++) {
                    boolean ok = learnable && reg < task.registers();
                    p[o + group + reg] = ok ? INIT_SD * r.nextGaussian() : MASKED;
                    frozen[o + group + reg] = !ok;
                }
            for (int b = 0; b < TcParams.IMM_BITS; b++) {
                // Only the low bits are learned: a soft high bit of probability ε adds ε·2^b to the
                // value, which at b ≥ 20 swamps every task's numbers (the same failure as MUL).
                boolean ok = learnable && b < IMM_LEARNED_BITS;
                p[o + TcParams.IMM + b] = ok ? INIT_SD * r.nextGaussian() - 1 : MASKED;
                frozen[o + TcParams.IMM + b] = !ok;
            }
        }
        state.params = p;
        state.softSlots = learn;
        state.optimizer = new Adam(p.length, frozen);
    }

    /**
     * Adds weight·H to the loss's gradient for every learnable slot's opcode and register
     * distributions (H = −Σ p log p of softmax(z/τ); dH/dz_i = −p_i (log p_i + H)/τ) and returns
     * weight·ΣH, per slot.
     */
    static double addEntropy(double[] params, Task task, double tau, double weight, double[] g) {
        double total = 0;
        int per = TcParams.PER_INSTRUCTION;
        for (int s = 0; s < task.maxLength(); s++)
            for (int[] group : new int[][]{{TcParams.OPCODE, TcOp.COUNT}, {TcParams.RD, 16}, {TcParams.RS1, 16}, {TcParams.RS2, 16}}) {
                int from = s * per + group[0], n = group[1];
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) max = Math.max(max, params[from + i]);
                double[] q = new double[n];
                double sum = 0;
                for (int i = 0; i < n; i++) sum += q[i] = Math.exp((params[from + i] - max) / tau);
                double h = 0;
                for (int i = 0; i < n; i++) {
                    q[i] /= sum;
                    if (q[i] > 0) h -= q[i] * Math.log(q[i]);
                }
                for (int i = 0; i < n; i++)
                    if (q[i] > 0) g[from + i] += weight * -q[i] * (Math.log(q[i]) + h) / tau;
                total += h;
            }
        return weight * total / task.maxLength();
    }
}
