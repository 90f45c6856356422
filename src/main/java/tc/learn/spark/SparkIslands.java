package tc.learn.spark;

import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import tc.learn.population.IslandJob;
import tc.learn.population.IslandLearner;
import tc.learn.population.IslandOutcome;
import tc.learn.population.IslandRunner;

/**
 * Runs each round's islands as one Spark job: one partition per island, mapped over the executors
 * by {@link IslandLearner#run}, the outcomes collected to the driver. Each outcome carries its
 * island's exact episode count, so a task Spark retries or runs speculatively is still counted once
 * (only one result per partition reaches {@code collect}); no accumulator is involved.
 */
public final class SparkIslands implements IslandRunner {
    private final JavaSparkContext context;
    private final boolean owned;

    /**
     * Starts (or joins, under {@code spark-submit}) a Spark context.
     *
     * @param master a Spark master URL ({@code local[2]}, {@code spark://host:7077}, …), or null for
     *               the one {@code spark-submit} configured ({@code local[*]} when there is none)
     */
    public SparkIslands(String master) {
        SparkConf conf = new SparkConf().setAppName("tc learn").set("spark.ui.enabled", "false");
        if (master != null) conf.setMaster(master);
        else if (!conf.contains("spark.master")) conf.setMaster("local[*]");
        this.context = new JavaSparkContext(conf);
        this.owned = true;
    }

    /** Runs on a context the caller owns (and stops): tests share one across a class. */
    public SparkIslands(JavaSparkContext context) {
        this.context = context;
        this.owned = false;
    }

    @Override public List<IslandOutcome> run(List<IslandJob> jobs) {
        return context.parallelize(jobs, Math.max(1, jobs.size())).map(IslandLearner::run).collect();
    }

    @Override public String describe() { return "spark " + context.master(); }

    @Override public void close() {
        if (owned) context.stop();
    }
}
