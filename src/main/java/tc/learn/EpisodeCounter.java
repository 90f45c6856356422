package tc.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import tc.computer.isa.TcProgram;

/**
 * The one definition of an episode: one evaluation of one candidate program on one batch of task
 * inputs. Each candidate a search runs is one; each gradient step on a batch is one; checking a
 * program on the held-out set is one too (it is an evaluation like any other). Every evaluation in
 * {@code tc.learn} goes through this class, which alone can reach the scorer, so the count cannot
 * miss one. The budget is a hard limit: past it, evaluating throws {@link BudgetExhausted}.
 */
public final class EpisodeCounter {
    /** Thrown when an episode is asked for after the budget is spent. */
    public static final class BudgetExhausted extends RuntimeException {
        BudgetExhausted(long budget) { super("episode budget of " + budget + " spent", null, false, false); }
    }

    private final long budget;
    private long used;

    public EpisodeCounter(long budget) {
        if (budget < 0) throw new IllegalArgumentException("budget must be ≥ 0, got " + budget);
        this.budget = budget;
    }

    public synchronized long episodes() { return used; }
    public long budget() { return budget; }
    public synchronized long remaining() { return budget - used; }
    public synchronized boolean exhausted() { return used >= budget; }

    private synchronized void charge(int n) {
        if (used + n > budget) throw new BudgetExhausted(budget);
        used += n;
    }

    /** One episode: {@code candidate} run on {@code batch}. */
    public Evaluation evaluate(TcProgram candidate, Task task, List<TaskCase> batch) {
        charge(1);
        return Scorer.score(candidate, task, batch);
    }

    /**
     * One episode per candidate, evaluated in parallel; as many as the budget allows, in order
     * (the result may be shorter than {@code candidates}, and is empty when the budget is spent).
     */
    public List<Evaluation> evaluateAll(List<TcProgram> candidates, Task task, List<TaskCase> batch) {
        int n;
        synchronized (this) {
            n = (int) Math.min(candidates.size(), budget - used);
            used += n;
        }
        Evaluation[] out = new Evaluation[n];
        IntStream.range(0, n).parallel().forEach(i -> out[i] = Scorer.score(candidates.get(i), task, batch));
        return new ArrayList<>(List.of(out));
    }

    /**
     * Counts one gradient step on one batch, for the soft phases (which compute their loss on the
     * soft machine, not through the discrete scorer) and runs it.
     */
    public <T> T gradientStep(java.util.function.Supplier<T> step) {
        charge(1);
        return step.get();
    }
}
