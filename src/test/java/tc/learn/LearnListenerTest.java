package tc.learn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress hook the web page's live curve uses: it watches a run without changing it. */
class LearnListenerTest {
    private static final long SEED = 2, BUDGET = 2_000;

    /** The full learner (gradient phases, then the discrete ones) on max: curve points from every kind of phase. */
    private static LearnResult learn(LearnListener listener) {
        Task task = TaskSuite.task("max", SEED);
        return Variants.FULL.learner(task, Learner.DEFAULT_POPULATION).learn(task, Library.EMPTY, SEED, BUDGET, e -> { }, listener);
    }

    @Test void theListenerSeesTheCurveAsItGrowsThenTheFinalCountAndTheResultIsUnchanged() {
        List<LearnState.CurvePoint> seen = new ArrayList<>();
        LearnResult watched = learn(seen::add);
        LearnResult plain = learn(LearnListener.NONE);
        assertTrue(watched.solved(), watched.assembly());
        // identical with and without a listener (wall time aside)
        assertEquals(plain.program(), watched.program());
        assertEquals(plain.episodesTotal(), watched.episodesTotal());
        assertEquals(plain.episodesToSolve(), watched.episodesToSolve());
        assertEquals(plain.accuracy(), watched.accuracy());
        assertEquals(plain.curve(), watched.curve());
        // every point of the result's curve, in order, then the end point with the final count
        assertEquals(watched.curve().size() + 1, seen.size());
        assertEquals(watched.curve(), seen.subList(0, seen.size() - 1));
        LearnState.CurvePoint end = seen.get(seen.size() - 1);
        assertEquals(LearnListener.END, end.phase());
        assertEquals(watched.episodesTotal(), end.episode());
        assertEquals(1.0, end.accuracy(), "the solved program is perfect on its training batch");
        for (int k = 1; k < seen.size(); k++)
            assertTrue(seen.get(k).episode() >= seen.get(k - 1).episode(), "episodes never decrease: point " + k);
        assertTrue(seen.stream().anyMatch(p -> Double.isFinite(p.loss())), "gradient steps report their loss");
        assertTrue(seen.stream().anyMatch(p -> Double.isFinite(p.score())), "scored programs report their score");
    }
}
