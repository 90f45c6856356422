package tc.learn.population;

import java.util.List;

/**
 * The outcome of a population search.
 *
 * @param best     the island outcome whose program is the answer: among solved islands the one
 *                 that solved with the fewest of its own episodes, else the best ranked one of
 *                 the last round
 * @param episodes every episode of every island in every round run, exactly: the sum of the
 *                 islands' own counts
 * @param rounds   rounds run (the search stops after the round in which an island solves)
 * @param outcomes every island's outcome, by round then island
 */
public record PopulationResult(String task, long seed, boolean solved, IslandOutcome best, long episodes, int rounds,
                               List<IslandOutcome> outcomes, String runner, long wallMillis) {
    public PopulationResult {
        outcomes = List.copyOf(outcomes);
    }
}
