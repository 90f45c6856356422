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
 * Sketch search over structured programs ({@link SketchSpace}), in rounds of two stages.
 *
 * <ol>
 *   <li><b>Enumerate</b> (about {@value #ENUMERATE} episodes: the last batch's repeated twins
 *       may run past it): cheapest first — all families' programs of one cost, in a seeded
 *       random order, before any of the next cost; in array tasks each single pass also runs as
 *       its repeated twin. Short solutions (add, max, abs, sum_array, gcd) are found here.</li>
 *   <li><b>Climb</b>: best-first over the programs evaluated so far, grouped by shape (line, if,
 *       while, each, nested, bisect), the shapes taking turns; the best of a shape (most exact output
 *       words, then shaped score) is expanded by running all its neighbours one structural edit
 *       away ({@link SketchEdits}), at most {@link #PLATEAU} programs per level of exact words
 *       (then that shape's turns go to its next level down).
 *       Bubble sort is found here: a single pass that moves one word scores above the unsorted
 *       input, becomes a repeated pass, then gains its second store.</li>
 * </ol>
 * In array tasks a climb that stalls ({@value #STALL} episodes without any round reaching a
 * better exact-word fraction) ends the round: the enumeration resumes where it stopped for
 * another {@value #ENUMERATE} episodes, and those programs climb in queues of their own, taking
 * turns with the older rounds' queues (nothing run is run again). A climb is greedy, and on some
 * training sets its first starts all lead to programs fitted to those cases; fresh starts are
 * what gets it out (bubble_sort seeds 5 and 16 were unsolved within 100,000 episodes without
 * rounds, and are solved at 15,956 and 17,101). Scalar tasks climb in one round: there an
 * expansion costs ~100 episodes instead of ~1,000–3,000, a stall of {@value #STALL} episodes is
 * a plateau the climb is walking across, and new rounds only took turns from it (swap seeds 3
 * and 19, solved at 6,832 and 6,634 in one round, were unsolved within 20,000 with rounds).
 *
 * Every candidate run is one episode. Before a candidate is run (and charged) its neighbouring
 * independent instructions are put in one order ({@link #inOrder}), and it is compiled and
 * skipped when the search has run that same code already, when it is longer than the task allows,
 * names a register the task does not grant or writes no output, when one of its instructions is
 * dead ({@link Liveness}: the shorter program without it is cheaper), when it uses a never-written
 * register (0) where that makes an instruction a copy or a constant, when it mixes register roles
 * or is a renaming of a program run instead ({@link RegisterRoles}).
 *
 * <p>The first training-perfect candidate is checked on the held-out set. When the phase ends
 * unsolved (its share of the budget spent, or nothing left to expand) the best program by shaped
 * score goes on to the local search.
 */
public final class SketchSearch implements Phase {
    static final int MAX_COST = 40, BATCH = 8;
    /** Episodes each round's enumeration may spend before its climb starts (it also stops where a level is too large to list). */
    static final long ENUMERATE = 1_000;
    static final long LEVEL_CAP = 3_000_000;
    /**
     * How many programs of one shape with one exact-word fraction the climb expands before it
     * treats that level as a plateau and moves on to the shape's next level down. Without a cap
     * a fluke holds the climb: on swap seed 3, `mov r0, r1; sra r1, r1, r1` gets one more training
     * word right than the path to the swap (a shift that happens to give one case's answer), and
     * its ever-new junk variants with that same fraction kept the climb for 20,000 episodes.
     */
    static final int PLATEAU = 8;
    /**
     * Episodes the climb of an array task may go without a new best exact-word fraction before the
     * next round starts. Chosen on bubble_sort seeds 1–20 (the table's seeds among them): shorter
     * stalls take turns from climbs still on their way — with 2,000 eight seeds were slower (up to
     * three times) and one faster, with 1,500 eleven slower and two faster; with 3,000 the seeds
     * solved in one round are unchanged.
     */
    static final long STALL = 3_000;

    private final double share;
    private final boolean restarts, guided;

    /** @param share the fraction of the whole budget this phase may spend */
    public SketchSearch(double share) { this(share, true, false); }

    private SketchSearch(double share, boolean restarts, boolean guided) {
        if (!(share > 0 && share <= 1)) throw new IllegalArgumentException("share must be in (0, 1], got " + share);
        this.share = share;
        this.restarts = restarts;
        this.guided = guided;
    }

    /** This search in one round only: the climb goes on from its first starts however long it stalls (for comparisons). */
    SketchSearch withoutRestarts() { return new SketchSearch(share, false, guided); }

    /**
     * This search with each level of the enumeration ordered by the gradient phases' soft program
     * ({@link GradientGuide}: most probable first) instead of at random; without soft parameters it
     * is the plain search.
     */
    SketchSearch guided() { return new SketchSearch(share, restarts, true); }

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
        List<Candidate> level = List.of();
        int next;
        boolean done;

        GradientGuide guide;

        Order(List<SketchSpace.Family> families, Task task, Random random, Set<List<TcInstruction>> seen) {
            this.families = families;
            this.task = task;
            this.random = random;
            this.seen = seen;
        }

        private static final class TooLarge extends RuntimeException {
            TooLarge() { super(null, null, false, false); }
        }

        Candidate next() {
            while (!done && next >= level.size()) {
                if (++cost > MAX_COST) { done = true; return null; }
                List<Candidate> kept = new ArrayList<>();
                long[] listed = {0};
                try {
                    for (SketchSpace.Family f : families)
                        f.programs().list(cost, p -> {
                            if (++listed[0] > LEVEL_CAP) throw new TooLarge();
                            Candidate c = candidate(p, task, seen);
                            if (c != null) kept.add(c);
                        });
                } catch (TooLarge e) {
                    done = true;
                    return null;
                }
                Collections.shuffle(kept, random);
                if (guide != null) rank(kept, guide);
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
        for (TcInstruction i : code) if (Math.max(i.rd(), Math.max(i.rs1(), i.rs2())) >= task.registers()) return false;
        if (memoryOutput(task) ? code.stream().noneMatch(i -> i.op() == TcOp.STORE) : !Liveness.writesAny(code, outputs)) return false;
        return !Liveness.hasDeadInstruction(code, outputs) && !readsZeroNeedlessly(code, task)
                && RegisterRoles.consistent(code, task) && RegisterRoles.canonicalScratch(code, task);
    }

    /**
     * For an array task with room for the repeated pass: the repeated form of each single pass
     * in {@code batch} (a program that is just {@code Each} over r0, r1), run beside it. The
     * climb reaches a repeated pass only through the single pass it repeats, and its queue of
     * repeated passes otherwise starts from whichever single passes it happened to expand first
     * (bubble_sort seed 7 was unsolved that way; with the twins it is solved at 7,347 episodes).
     */
    private static List<Candidate> repeatedTwins(List<Candidate> batch, Task task, Set<List<TcInstruction>> seen) {
        List<Candidate> twins = new ArrayList<>();
        if (!FamilyGate.NESTED.admits(task)) return twins;
        for (Candidate c : batch)
            if (c.sketch().size() == 1 && c.sketch().get(0) instanceof Sketch.Each e && e.p() == 0 && e.c() == 1) {
                Candidate twin = candidate(List.of(SketchEdits.nested(e.body())), task, seen);
                if (twin != null) twins.add(twin);
            }
        return twins;
    }

    /** A structured program and its code. */
    record Candidate(List<Sketch> sketch, List<TcInstruction> code) {}

    /**
     * The candidate of {@code program} in its {@linkplain #inOrder normal form}, or null when it
     * is not worth an episode or its code was run already. A program that calls library routines
     * is judged by its inlined form (what it computes) and must fit the task's machine with its
     * routines laid out after it.
     */
    static Candidate candidate(List<Sketch> program, Task task, Set<List<TcInstruction>> seen) {
        program = inOrder(program);
        List<TcInstruction> code = Sketch.compile(program);
        if (Sketch.calls(program)) {
            if (code.size() >= task.spec().slots() || !worthRunning(Sketch.inline(program), task)) return null;
        } else if (!worthRunning(code, task)) return null;
        return seen.add(code) ? new Candidate(program, code) : null;
    }

    /**
     * {@code program} with every run of neighbouring independent instructions in one order (the
     * order {@link SketchSpace#keep} lists them in): two programs that differ only in such an
     * order compute the same, so an edit that inserts or replaces an instruction next to one it
     * does not touch yields the program the other order would, which {@code seen} then runs once.
     * Adjacent independent pairs out of order are swapped until none is left: each swap removes
     * one inversion, and the result is the one normal form of all the reorderings.
     */
    static List<Sketch> inOrder(List<Sketch> block) {
        List<Sketch> out = new ArrayList<>(block.size());
        for (Sketch s : block) {
            out.add(switch (s) {
                case Sketch.Op op -> op;
                case Sketch.Call c -> c;
                case Sketch.If f -> new Sketch.If(f.a(), f.b(), f.skip(), inOrder(f.then()));
                case Sketch.Each e -> new Sketch.Each(e.p(), e.c(), inOrder(e.body()));
                case Sketch.Times t -> new Sketch.Times(t.c(), inOrder(t.body()));
                case Sketch.While w -> new Sketch.While(inOrder(w.body()));
                case Sketch.Bisect h -> new Sketch.Bisect(h.one(), h.lo(), h.hi(), h.mid(), inOrder(h.body()), h.a(), h.b(), h.right());
            });
        }
        for (boolean swapped = true; swapped; ) {
            swapped = false;
            for (int k = 0; k + 1 < out.size(); k++)
                if (out.get(k) instanceof Sketch.Op x && out.get(k + 1) instanceof Sketch.Op y && SketchSpace.outOfOrder(x.ins(), y.ins())) {
                    out.set(k, y);
                    out.set(k + 1, x);
                    swapped = true;
                }
        }
        return out;
    }

    /**
     * An evaluated candidate. Climbing expands the one with the most exact output words first (a
     * near miss's bit credit would reward noise), then the best shaped score, then the first evaluated.
     */
    record Scored(Candidate candidate, double words, double score, long order, int round) {}

    @Override public void run(LearnContext ctx) {
        LearnState state = ctx.state();
        if (state.solved) return;
        Task task = ctx.task();
        EpisodeCounter counter = ctx.counter();
        long start = counter.episodes();
        long stop = start + (long) Math.floor(share * counter.budget());
        Random random = new Random(Seeds.stream(ctx.seed(), Seeds.PHASES));
        Set<List<TcInstruction>> seen = new HashSet<>();
        if (state.train != null) seen.add(state.program);
        SketchSpace space = new SketchSpace(task, ctx.library());
        Order order = new Order(space.families(), task, random, seen);
        guide = guided ? GradientGuide.of(state) : null;
        order.guide = guide;
        SketchEdits edits = new SketchEdits(space, task);
        Islands frontier = new Islands(start);
        while (counter.episodes() < stop && !counter.exhausted()) {
            // 1. enumerate, cheapest first (continuing where the last round stopped)
            long enumerateUntil = Math.min(stop, counter.episodes() + ENUMERATE);
            while (counter.episodes() < enumerateUntil && !counter.exhausted()) {
                List<Candidate> batch = new ArrayList<>();
                while (batch.size() < Math.min(BATCH, enumerateUntil - counter.episodes())) {
                    Candidate c = order.next();
                    if (c == null) break;
                    batch.add(c);
                }
                if (batch.isEmpty()) break; // the space is used up
                batch.addAll(repeatedTwins(batch, task, seen));
                if (evaluate(ctx, batch, frontier, frontier.round)) return;
            }
            // 2. climb: the neighbours of the best program found so far, best first, until it stalls
            Climb climbed = climb(ctx, frontier, edits, random, seen, stop);
            if (climbed == Climb.SOLVED) return;
            if (climbed == Climb.ENDED && order.done) break; // nothing left to climb from or to list
            // 3. a new round: its enumerated programs climb in queues of their own, beside the older rounds'
            if (!order.done) frontier.round++;
        }
    }

    private enum Climb { SOLVED, STALLED, ENDED }

    /** The guide of the current run (null: unguided), for the climb's order of neighbours. */
    private GradientGuide guide;

    /** Sorts candidates most probable first under the soft program; stable, so among equals the seeded random order stands. */
    private static void rank(List<Candidate> candidates, GradientGuide guide) {
        java.util.Map<Candidate, Double> score = new java.util.IdentityHashMap<>();
        for (Candidate c : candidates) score.put(c, guide.score(c.code()));
        candidates.sort(java.util.Comparator.comparingDouble((Candidate c) -> -score.get(c)));
    }

    /**
     * Expands the frontier's best until the task is solved, the budget or frontier ends, or (with
     * restarts) {@link #STALL} episodes pass without a round reaching a new best exact-word fraction.
     */
    private Climb climb(LearnContext ctx, Islands frontier, SketchEdits edits, Random random, Set<List<TcInstruction>> seen, long stop) {
        EpisodeCounter counter = ctx.counter();
        Task task = ctx.task();
        while (counter.episodes() < stop && !counter.exhausted() && !frontier.isEmpty()) {
            if (restarts && task.usesMemory() && counter.episodes() - frontier.improved >= STALL) {
                frontier.improved = counter.episodes();
                return Climb.STALLED;
            }
            Scored best = frontier.poll();
            if (best == null) break;
            List<Candidate> around = new ArrayList<>();
            edits.neighbours(best.candidate().sketch(), p -> {
                Candidate c = candidate(p, task, seen);
                if (c != null) around.add(c);
            });
            Collections.shuffle(around, random);
            if (guide != null) rank(around, guide);
            for (int from = 0; from < around.size() && counter.episodes() < stop; from += BATCH) {
                List<Candidate> batch = around.subList(from, (int) Math.min(around.size(), Math.min(from + BATCH, from + stop - counter.episodes())));
                if (evaluate(ctx, batch, frontier, best.round())) return Climb.SOLVED;
            }
        }
        return Climb.ENDED;
    }

    /**
     * The evaluated programs by round and shape (the outermost template: line, if, while, each,
     * nested), each its own queue, best first, taken in turn: a shape whose programs score lower
     * than another's (a full sort needs the repeated pass, whose early forms score below a single
     * pass tuned to the training arrays) still gets its share of the climbing, and so do the
     * programs of a new round beside the older rounds' climbs (a program belongs to the round of
     * the program it was edited from). Within a queue a level of equal exact-word fraction is
     * expanded at most {@link #PLATEAU} times.
     */
    static final class Islands {
        private final java.util.Map<String, java.util.PriorityQueue<Scored>> queues = new java.util.TreeMap<>();
        private final java.util.Map<Integer, Double> bestWords = new java.util.HashMap<>();
        private int turn;
        /** The current round: enumerated programs join its queues. */
        int round;
        /** The last episode at which some round reached a new best exact-word fraction of its own. */
        long improved;

        Islands(long since) { improved = since; }

        void add(Scored s) {
            if (s.words() > bestWords.getOrDefault(s.round(), -1.0)) {
                bestWords.put(s.round(), s.words());
                improved = Math.max(improved, s.order());
            }
            queues.computeIfAbsent(String.format("%04d %s", s.round(), shape(s.candidate().sketch())), k -> new java.util.PriorityQueue<>(
                    java.util.Comparator.comparingDouble((Scored x) -> -x.words())
                            .thenComparingDouble(x -> -x.score()).thenComparingLong(Scored::order))).add(s);
        }

        boolean isEmpty() { return queues.values().stream().allMatch(java.util.PriorityQueue::isEmpty); }

        /** Expansions so far per queue and exact-word level ({@link #PLATEAU} at most each). */
        private final java.util.Map<String, java.util.Map<Double, Integer>> expanded = new java.util.HashMap<>();

        Scored poll() {
            while (true) {
                List<String> open = queues.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(java.util.Map.Entry::getKey).toList();
                if (open.isEmpty()) return null;
                String queue = open.get(turn++ % open.size());
                var waiting = queues.get(queue);
                var levels = expanded.computeIfAbsent(queue, k -> new java.util.HashMap<>());
                // a plateau's programs have had their turns: the queue's turn goes to its next level down
                while (!waiting.isEmpty()) {
                    Scored s = waiting.poll();
                    int n = levels.getOrDefault(s.words(), 0);
                    if (n >= PLATEAU) continue;
                    levels.put(s.words(), n + 1);
                    return s;
                }
            }
        }

        static String shape(List<Sketch> program) {
            String shape = "line";
            for (Sketch s : program) {
                String t = switch (s) {
                    case Sketch.Times x -> "nested";
                    case Sketch.Each x -> "each";
                    case Sketch.While x -> "while";
                    case Sketch.Bisect x -> "bisect";
                    case Sketch.If x -> "if";
                    case Sketch.Op x -> "line";
                    case Sketch.Call x -> "line";
                };
                if (!t.equals("line")) shape = t;
            }
            return shape;
        }
    }

    /** Runs a batch (one episode each), records the best, verifies a perfect one; true when solved. */
    private boolean evaluate(LearnContext ctx, List<Candidate> batch, Islands frontier, int round) {
        LearnState state = ctx.state();
        Task task = ctx.task();
        List<Evaluation> results = ctx.counter().evaluateAll(batch.stream().map(c -> ctx.program(c.code())).toList(), task, task.train());
        long first = ctx.counter().episodes() - results.size(); // the episode of each result: a unique, seed-determined tie-break
        for (int k = 0; k < results.size(); k++) {
            Candidate c = batch.get(k);
            Evaluation e = results.get(k);
            frontier.add(new Scored(c, e.words(), e.score(), first + k, round));
            if (state.train == null || e.score() > state.train.score()) {
                state.program = c.code();
                state.train = e;
                state.record(new LearnState.CurvePoint(ctx.counter().episodes(), e.score(), e.accuracy(), Double.NaN, name()));
            }
            if (e.perfect() && ctx.verify(c.code(), e, name())) {
                state.solvedSketch = c.sketch();
                return true;
            }
        }
        ctx.progress().accept(ctx.counter().episodes());
        return false;
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
