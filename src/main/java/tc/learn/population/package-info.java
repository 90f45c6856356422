/**
 * Population search over the learner: islands (each one ordinary learning run with its own seed
 * and settings) for rounds, with exploit/explore between rounds. {@link tc.learn.population.PopulationSearch}
 * decides, an {@link tc.learn.population.IslandRunner} runs a round's islands wherever it likes
 * (in this JVM, or on Spark executors in {@code tc.learn.spark}), and
 * {@link tc.learn.population.IslandLearner} is the only class that runs the learner ({@link
 * tc.learn.population.FromCSource} and {@link tc.learn.population.FromCSearch} build and score
 * {@code tc learn --from} tasks with {@code tc.learn}'s task code, for the same search on C functions).
 * Everything an island needs or returns is serializable, and a seed's result does not depend on
 * where or how many at a time the islands ran.
 */
package tc.learn.population;
