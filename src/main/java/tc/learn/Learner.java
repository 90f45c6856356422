package tc.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import tc.computer.soft.SoftAddressing;

/**
 * The learning pipeline: phases run in order on one shared state and one episode budget.
 * {@link #discrete} is crystallize → local search → extraction; the gradient phases
 * ({@link GradientPhase}: warm-up, anneal) go in front with {@link #withPhases}, as
 * {@link Variants#FULL} does.
 */
public final class Learner {
    private final List<Phase> phases;
    private final int population;
    private final SoftAddressing addressing;

    public Learner(List<Phase> phases, int population) {
        this(phases, population, SoftAddressing.LOCATION);
    }

    private Learner(List<Phase> phases, int population, SoftAddressing addressing) {
        if (population < 1) throw new IllegalArgumentException("population must be ≥ 1, got " + population);
        this.phases = List.copyOf(phases);
        this.population = population;
        this.addressing = java.util.Objects.requireNonNull(addressing, "addressing");
    }

    /**
     * The same learner whose gradient phases relax LOAD/STORE with {@code addressing}: only the soft
     * program's loss and gradients change; candidates are still scored on the exact interpreter.
     */
    public Learner withAddressing(SoftAddressing addressing) { return new Learner(phases, population, addressing); }

    public SoftAddressing addressing() { return addressing; }

    /** The discrete pipeline with {@code population} search chains. */
    public static Learner discrete(int population) {
        return new Learner(List.of(new Crystallize(), new LocalSearch(), new Extraction()), population);
    }

    public static final int DEFAULT_POPULATION = 4;

    /** The same learner with {@code first} phases run before the current ones. */
    public Learner withPhases(List<Phase> first) {
        List<Phase> all = new ArrayList<>(first);
        all.addAll(phases);
        return new Learner(all, population, addressing);
    }

    public List<Phase> phases() { return phases; }

    /** Learns {@code task} within {@code budget} episodes, with no library. */
    public LearnResult learn(Task task, long seed, long budget, LongConsumer progress) {
        return learn(task, Library.EMPTY, seed, budget, progress);
    }

    /** Learns {@code task} within {@code budget} episodes; the sketch search may call {@code library}'s routines. */
    public LearnResult learn(Task task, Library library, long seed, long budget, LongConsumer progress) {
        return run(task, library, seed, budget, progress).result();
    }

    /** As {@link #learn(Task, Library, long, long, LongConsumer)}, showing the curve to {@code listener} as it grows. */
    public LearnResult learn(Task task, Library library, long seed, long budget, LongConsumer progress, LearnListener listener) {
        return run(task, library, seed, budget, progress, listener).result();
    }

    /** A run's result and the state it ended in (for what the result does not say: the sketch that solved it). */
    record Run(LearnResult result, LearnState state) {}

    /** As {@link #learn(Task, Library, long, long, LongConsumer)}, keeping the final state. */
    Run run(Task task, Library library, long seed, long budget, LongConsumer progress) {
        return run(task, library, seed, budget, progress, LearnListener.NONE);
    }

    Run run(Task task, Library library, long seed, long budget, LongConsumer progress, LearnListener listener) {
        long start = System.nanoTime();
        EpisodeCounter counter = new EpisodeCounter(budget);
        LearnState state = new LearnState();
        state.listener = listener;
        LearnContext ctx = new LearnContext(task, counter, state, seed, population, progress, library, addressing);
        for (Phase phase : phases) {
            try {
                phase.run(ctx);
            } catch (EpisodeCounter.BudgetExhausted e) {
                if (!state.solved) break; // extraction may still stop early; the solution stands
            }
        }
        // Reporting, not learning: the held-out accuracy of what came out, outside the budget.
        double accuracy = state.solved ? state.heldOut
                : new EpisodeCounter(1).evaluate(ctx.program(state.program), task, task.test()).accuracy();
        Evaluation last = state.train;
        listener.point(new LearnState.CurvePoint(counter.episodes(), last == null ? Double.NaN : last.score(),
                last == null ? Double.NaN : last.accuracy(), Double.NaN, LearnListener.END));
        return new Run(new LearnResult(task.name(), seed, state.solved, state.episodesToSolve, counter.episodes(), accuracy,
                state.program, (System.nanoTime() - start) / 1_000_000, state.curve), state);
    }
}
