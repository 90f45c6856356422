package tc.learn;

import java.util.function.LongConsumer;
import tc.computer.isa.TcProgram;
import tc.computer.soft.SoftAddressing;

/**
 * Everything a phase works with: the task, the episode counter (the only way to evaluate), the
 * shared state, the seed and the population size, a progress callback (episodes so far), the
 * library of learned routines the task may call, and how the soft machine of the gradient phases
 * addresses memory ({@link SoftAddressing}; discrete scoring always runs the exact interpreter).
 */
public record LearnContext(Task task, EpisodeCounter counter, LearnState state, long seed, int population, LongConsumer progress, Library library,
                           SoftAddressing addressing) {
    public LearnContext {
        java.util.Objects.requireNonNull(addressing, "addressing");
    }

    /** A context whose gradient phases address memory by location (the exact soft machine). */
    public LearnContext(Task task, EpisodeCounter counter, LearnState state, long seed, int population, LongConsumer progress, Library library) {
        this(task, counter, state, seed, population, progress, library, SoftAddressing.LOCATION);
    }

    /** A context with an empty library. */
    public LearnContext(Task task, EpisodeCounter counter, LearnState state, long seed, int population, LongConsumer progress) {
        this(task, counter, state, seed, population, progress, Library.EMPTY);
    }

    /** The program of {@code code} on the task's machine. */
    public TcProgram program(java.util.List<tc.computer.isa.TcInstruction> code) {
        return new TcProgram(code, task.spec(), new int[0]);
    }

    /**
     * Checks a training-perfect program on the held-out set (one episode) and records it in the
     * state when it is solved. Returns whether it was.
     */
    public boolean verify(java.util.List<tc.computer.isa.TcInstruction> code, Evaluation train, String phase) {
        Evaluation test = counter.evaluate(program(code), task, task.test());
        if (!test.perfect()) return false;
        if (!state.solved) {
            state.episodesToSolve = counter.episodes();
            state.solvedBy = phase;
        }
        state.solved = true;
        state.program = java.util.List.copyOf(code);
        state.train = train;
        state.heldOut = test.accuracy();
        state.record(new LearnState.CurvePoint(counter.episodes(), train.score(), train.accuracy(), Double.NaN, phase));
        return true;
    }
}
