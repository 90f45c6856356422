package tc.learn.spark;

import static org.junit.jupiter.api.Assertions.*;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tc.learn.population.IslandOutcome;
import tc.learn.population.PopulationResult;
import tc.learn.population.Runs;

/**
 * The population search on Spark in local mode against the in-process search, on the run of
 * {@link Runs} (three rounds, exploit/explore twice, solved in the last). A JVM holds one Spark
 * context at a time: local[1] runs first and is stopped, then local[2]; both
 * runs are made once, before the tests compare them.
 */
class SparkIslandsTest {
    private static PopulationResult oneThread, twoThreads;

    private static JavaSparkContext context(String master) {
        return new JavaSparkContext(new SparkConf().setMaster(master).setAppName("SparkIslandsTest").set("spark.ui.enabled", "false"));
    }

    @BeforeAll static void start() {
        try (JavaSparkContext one = context("local[1]")) {
            oneThread = Runs.SEARCH.run(Runs.TASK, Runs.SEED, new SparkIslands(one), o -> { });
        }
        try (JavaSparkContext two = context("local[2]")) {
            twoThreads = Runs.SEARCH.run(Runs.TASK, Runs.SEED, new SparkIslands(two), o -> { });
        }
    }

    @Test void localTwoCountsEveryEpisodeTheInProcessSearchCounts() {
        PopulationResult spark = twoThreads;
        PopulationResult inProcess = Runs.reference();
        assertEquals(inProcess.episodes(), spark.episodes(), "the same episode count, executors included");
        assertEquals(Runs.comparable(inProcess), Runs.comparable(spark), "island by island, round by round: the same counts, programs and settings");
        assertEquals(Runs.timeless(inProcess.best()), Runs.timeless(spark.best()));
        assertTrue(spark.solved());
        assertEquals(3, spark.rounds());
        assertEquals(spark.outcomes().stream().mapToLong(IslandOutcome::episodes).sum(), spark.episodes());
        assertEquals("spark local[2]", spark.runner());
    }

    @Test void localOneAndLocalTwoGiveTheSameResult() {
        PopulationResult spark = twoThreads;
        assertEquals("spark local[1]", oneThread.runner());
        assertEquals(Runs.comparable(oneThread), Runs.comparable(spark));
        assertEquals(oneThread.episodes(), spark.episodes());
        assertEquals(oneThread.best().program(), spark.best().program());
    }
}
