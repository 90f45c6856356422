package tc.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The library curriculum: before a task that may CALL earlier tasks' programs ({@link Task#uses})
 * is learned, those tasks are learned (same seed), and each one solved joins the {@link Library}
 * as a routine. Their episodes are theirs: the dependent task's count starts at zero, and the
 * prerequisites' runs are reported beside it.
 */
public final class LibraryCurriculum {
    private LibraryCurriculum() {}

    /** The library for a task and the runs that produced it (one per used task, solved or not). */
    public record Built(Library library, List<LearnResult> prerequisites) {}

    /**
     * Learns each task {@code task} uses, with {@code learnOne} (a learner run on the used task of
     * the same seed), and builds the library from the solved ones. An unsolved prerequisite is
     * left out: the task is then learned without that routine.
     */
    public static Built build(Task task, long seed, Function<Task, LearnResult> learnOne) {
        Library library = Library.EMPTY;
        List<LearnResult> runs = new ArrayList<>();
        for (String name : task.uses()) {
            Task used = TaskSuite.task(name, seed);
            LearnResult r = learnOne.apply(used);
            runs.add(r);
            if (r.solved()) library = library.with(routine(used, r));
        }
        return new Built(library, runs);
    }

    /**
     * The routine of a solved run: its extracted program, on its task's registers, zeroing on
     * entry the scratch registers it reads before writing (they were 0 where it was learned).
     */
    public static Library.Routine routine(Task task, LearnResult solved) {
        if (!solved.solved()) throw new IllegalArgumentException(task.name() + " was not solved: no routine");
        int inputs = (1 << task.train().get(0).registers().length) - 1;
        int scratch = ((1 << task.registers()) - 1) & ~inputs;
        int zeroed = Liveness.readBeforeWritten(solved.program(), SketchSearch.outputRegisters(task)) & scratch;
        return new Library.Routine(task.name(), solved.program(), task.registers(), zeroed);
    }
}
