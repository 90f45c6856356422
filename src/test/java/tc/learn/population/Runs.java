package tc.learn.population;

import java.util.List;

/** Population-search runs the tests compare, and what of them must agree (everything but wall time). */
public final class Runs {
    private Runs() {}

    /**
     * sum_array, seed 1, 4 islands, 3 rounds of 150 episodes: unsolved after rounds 1 and 2, so
     * exploit/explore runs twice, and island 3 solves in round 3 (with 1,799 episodes in all).
     */
    public static final SuiteTask TASK = new SuiteTask("sum_array", 1);
    public static final long SEED = 1;
    public static final PopulationSearch SEARCH = new PopulationSearch(4, 3, 150, 4);

    private static PopulationResult reference;

    /**
     * {@link #SEARCH} in process, one island after another: the reference the other runners are
     * compared with, made once per test JVM (the classes that use it share it).
     */
    public static synchronized PopulationResult reference() {
        if (reference == null) reference = SEARCH.run(TASK, SEED, new InProcessIslands(1), o -> { });
        return reference;
    }

    /** The outcomes with their wall times zeroed: what must not depend on where islands ran. */
    public static List<IslandOutcome> comparable(PopulationResult r) {
        return r.outcomes().stream().map(Runs::timeless).toList();
    }

    public static IslandOutcome timeless(IslandOutcome o) {
        return new IslandOutcome(o.island(), o.round(), o.settings(), o.program(), o.trainScore(), o.trainWords(), o.solved(),
                o.episodes(), o.episodesToSolve(), o.heldOut(), 0, o.provenance());
    }
}
