package tc.learn.population;

import java.io.Serializable;

/**
 * One island's work in one round: learn the task from {@code start} with {@code settings} within
 * {@code budget} episodes. Everything in it is serializable, for Spark.
 *
 * @param start the program the island continues from (its own best, or a better island's after
 *              exploit); empty in the first round
 */
public record IslandJob(TaskSource source, int island, int round, IslandSettings settings, Code start, long budget) implements Serializable {
    public IslandJob {
        if (island < 0 || round < 0) throw new IllegalArgumentException("island and round must be ≥ 0");
        if (budget < 1) throw new IllegalArgumentException("an island's budget must be ≥ 1, got " + budget);
    }
}
