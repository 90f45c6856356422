package tc.learn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcOp;

/**
 * Sketch search: structured programs ({@link SketchSpace}) tried cheapest first — all families'
 * programs of one cost, in a seeded random order, before any of the next cost. Every candidate tried is one episode. Before a candidate is run (and
 * charged) it is compiled and skipped when the search has run that same code already, when it is
 * longer than the task allows, when it writes no output, when one of its instructions is dead
 * ({@link Liveness}: the shorter program without it comes earlier in the order), when it uses a
 * never-written register (0) where that makes an instruction a copy or a constant, when it mixes
 * register roles or is a renaming of a program run instead ({@link RegisterRoles}).
 *
 * <p>The first training-perfect candidate is checked on the held-out set; the best one by shaped
 * score is handed on (as the program the local search starts from) when the phase ends unsolved:
 * at its episode share ({@code share} of the budget) or when every family is used up to
 * {@link #MAX_COST}.
 */
public final class SketchSearch implements Phase {
    static final int MAX_COST = 40, BATCH = 8;
    static final long LEVEL_CAP = 3_000_000;

    private final double share;

    /** @param share the fraction of the whole budget this phase may spend */
    public SketchSearch(double share) {
        if (!(share > 0 && share <= 1)) throw new IllegalArgumentException("share must be in (0, 1], got " + share);
        this.share = share;
    }

    @Override public String name() { return "sketch"; }

    /**
     * The candidates in order: every family's programs of cost 0, then of cost 1, …, each level
     * (all families together, the programs that pass {@link #worthRunning}) in a seeded random
     * order. A level whose listing passes {@link #LEVEL_CAP} programs ends the search there.
     */
    private static final class Order {
        final List<SketchSpace.Family> families;
        final Task task;
        final Random random;
        final Set<List<TcInstruction>> seen;
        int cost = -1;
        List<List<TcInstruction>> level = List.of();
        int next;
        boolean done;

        Order(List<SketchSpace.Family> families, Task task, Random random, Set<List<TcInstruction>> seen) {
            this.families = families;
            this.task = task;
            this.random = random;
            this.seen = seen;
        }

        private static final class TooLarge extends RuntimeException {
            TooLarge() { super(null, null, false, false); }
        }

        List<TcInstruction> next() {
            while (!done && next >= level.size()) {
                if (++cost > MAX_COST) { done = true; return null; }
                List<List<TcInstruction>> kept = new ArrayList<>();
                long[] listed = {0};
                try {
                    for (SketchSpace.Family f : families)
                        f.programs().list(cost, p -> {
                            if (++listed[0] > LEVEL_CAP) throw new TooLarge();
                            List<TcInstruction> code = Sketch.compile(p);
                            if (worthRunning(code, task) && seen.add(code)) kept.add(code);
                        });
                } catch (TooLarge e) {
                    done = true;
                    return null;
                }
                Collections.shuffle(kept, random);
                level = kept;
                next = 0;
            }
            return done ? null : level.get(next++);
        }
    }

    /**
     * Whether a program is worth an episode: it fits the task, writes an output, has no dead
     * instruction, reads no zero register needlessly, keeps register roles and names its scratch
     * registers in order.
     */
    static boolean worthRunning(List<TcInstruction> code, Task task) {
        int outputs = outputRegisters(task);
        if (code.size() > task.maxLength()) return false;
        if (memoryOutput(task) ? code.stream().noneMatch(i -> i.op() == TcOp.STORE) : !Liveness.writesAny(code, outputs)) return false;
        return !Liveness.hasDeadInstruction(code, outputs) && !readsZeroNeedlessly(code, task)
                && RegisterRoles.consistent(code, task) && RegisterRoles.canonicalScratch(code, task);
    }

    @Override public void run(LearnContext ctx) {
        LearnState state = ctx.state();
        if (state.solved) return;
        Task task = ctx.task();
        EpisodeCounter counter = ctx.counter();
        long stop = counter.episodes() + (long) Math.floor(share * counter.budget());
        Random random = new Random(ctx.seed() * 0x9E3779B97F4A7C15L + 17);
        Set<List<TcInstruction>> seen = new HashSet<>();
        if (state.train != null) seen.add(state.program);
        Order order = new Order(new SketchSpace(task).families(), task, random, seen);

        while (counter.episodes() < stop && !counter.exhausted()) {
            List<List<TcInstruction>> batch = new ArrayList<>();
            while (batch.size() < Math.min(BATCH, stop - counter.episodes())) {
                List<TcInstruction> code = order.next();
                if (code == null) break;
                batch.add(code);
            }
            if (batch.isEmpty()) return; // the space is used up
            List<Evaluation> results = counter.evaluateAll(batch.stream().map(ctx::program).toList(), task, task.train());
            for (int k = 0; k < results.size(); k++) {
                List<TcInstruction> code = batch.get(k);
                Evaluation e = results.get(k);
                if (state.train == null || e.score() > state.train.score()) {
                    state.program = code;
                    state.train = e;
                    state.curve.add(new LearnState.CurvePoint(counter.episodes(), e.score(), e.accuracy(), Double.NaN, name()));
                }
                if (e.perfect() && ctx.verify(code, e, name())) return;
            }
            ctx.progress().accept(counter.episodes());
        }
    }

    /**
     * Whether the program reads a scratch register no instruction writes (so it holds 0) anywhere
     * but as SUB's minuend or in a CMP: elsewhere a known 0 makes the instruction a MOV or a
     * constant, which a cheaper program already is.
     */
    static boolean readsZeroNeedlessly(List<TcInstruction> code, Task task) {
        int written = 0;
        for (TcInstruction i : code) written |= Liveness.defs(i) & 0xFFFF;
        int inputs = (1 << task.train().get(0).registers().length) - 1;
        int zero = ~(written | inputs) & 0xFFFF;
        for (TcInstruction i : code) {
            var s = i.op().shape();
            boolean ok = i.op() == TcOp.CMP || i.op() == TcOp.SUB;
            int reads = (s.rs1 && !(ok && i.op() == TcOp.SUB) ? 1 << i.rs1() : 0) | (s.rs2 && i.op() != TcOp.CMP ? 1 << i.rs2() : 0);
            if (i.op() == TcOp.CMP) reads = 0;
            if ((reads & zero) != 0) return true;
        }
        return false;
    }

    /** Whether the task reads outputs from memory. */
    static boolean memoryOutput(Task task) {
        return task.train().get(0).expected().stream().anyMatch(e -> e.where() instanceof TaskCase.Location.Memory);
    }

    /** The registers the task reads its outputs from, as a mask. */
    static int outputRegisters(Task task) {
        int mask = 0;
        for (TaskCase.Expect e : task.train().get(0).expected())
            if (e.where() instanceof TaskCase.Location.Register r) mask |= 1 << r.r();
        return mask;
    }
}
