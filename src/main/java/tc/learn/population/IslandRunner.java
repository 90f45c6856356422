package tc.learn.population;

import java.util.List;

/**
 * Runs one round of island jobs, wherever: in this JVM ({@link InProcessIslands}) or on Spark
 * executors. It returns one outcome per job, in any order; {@link PopulationSearch} orders them by
 * island, so that where a job ran never changes what the search does next.
 */
public interface IslandRunner extends AutoCloseable {
    List<IslandOutcome> run(List<IslandJob> jobs);

    /** Where the islands run, for reports ("in-process, 2 threads", "spark local[2]"). */
    String describe();

    @Override default void close() { }
}
