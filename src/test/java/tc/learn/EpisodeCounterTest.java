package tc.learn;

import static org.junit.jupiter.api.Assertions.*;
import static tc.computer.isa.TcOp.*;
import static tc.learn.Reference.i;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tc.computer.isa.TcProgram;

class EpisodeCounterTest {
    private final Task add = TaskSuite.task("add", 1);
    private final TcProgram right = new TcProgram(List.of(i(ADD, 0, 0, 1, 0)), add.spec(), new int[0]);
    private final TcProgram wrong = new TcProgram(List.of(i(SUB, 0, 0, 1, 0)), add.spec(), new int[0]);

    @Test void oneEvaluationOfOneCandidateOnOneBatchIsOneEpisode() {
        EpisodeCounter c = new EpisodeCounter(100);
        long scored = Scorer.BATCHES_SCORED.get();
        assertTrue(c.evaluate(right, add, add.train()).perfect());
        assertFalse(c.evaluate(wrong, add, add.test()).perfect());
        assertEquals(2, c.episodes());
        assertEquals(2, Scorer.BATCHES_SCORED.get() - scored, "one scored batch per episode, whatever the batch size");
        assertEquals(98, c.remaining());
    }

    @Test void eachCandidateOfAParallelBatchIsOneEpisode() {
        EpisodeCounter c = new EpisodeCounter(100);
        List<Evaluation> r = c.evaluateAll(Collections.nCopies(7, wrong), add, add.train());
        assertEquals(7, r.size());
        assertEquals(7, c.episodes());
    }

    @Test void aGradientStepIsOneEpisode() {
        EpisodeCounter c = new EpisodeCounter(10);
        assertEquals("done", c.gradientStep(() -> "done"));
        assertEquals(1, c.episodes());
    }

    @Test void theBudgetIsAHardLimit() {
        EpisodeCounter c = new EpisodeCounter(3);
        assertEquals(2, c.evaluateAll(List.of(right, wrong), add, add.train()).size());
        assertEquals(1, c.evaluateAll(List.of(right, wrong), add, add.train()).size(), "only what the budget allows");
        assertTrue(c.evaluateAll(List.of(right), add, add.train()).isEmpty());
        assertThrows(EpisodeCounter.BudgetExhausted.class, () -> c.evaluate(right, add, add.train()));
        assertThrows(EpisodeCounter.BudgetExhausted.class, () -> c.gradientStep(() -> 1));
        assertEquals(3, c.episodes());
    }

    @Test void aLearningRunCountsExactlyTheBatchesItScored() {
        for (String task : List.of("add", "max")) {
            long before = Scorer.BATCHES_SCORED.get();
            LearnResult r = Learner.discrete(4).learn(TaskSuite.task(task, 2), 2, 5_000, e -> { });
            long scored = Scorer.BATCHES_SCORED.get() - before;
            // +1: the held-out report of an unsolved run is scored outside the budget
            assertEquals(r.episodesTotal() + (r.solved() ? 0 : 1), scored, task);
            assertTrue(r.episodesToSolve() <= r.episodesTotal());
        }
        // the sketch search's batches too (search only: sketch search, then local search)
        long before = Scorer.BATCHES_SCORED.get();
        Task sum = TaskSuite.task("sum_array", 3);
        LearnResult r = Variants.SEARCH_ONLY.learner(sum, 4).learn(sum, 3, 3_000, e -> { });
        assertEquals(r.episodesTotal() + (r.solved() ? 0 : 1), Scorer.BATCHES_SCORED.get() - before);
    }

    @Test void anUnsolvedRunSpendsExactlyItsBudget() {
        LearnResult r = Learner.discrete(3).learn(TaskSuite.task("gcd", 1), 1, 200, e -> { });
        assertFalse(r.solved());
        assertEquals(200, r.episodesTotal());
        assertEquals(-1, r.episodesToSolve());
    }
}
