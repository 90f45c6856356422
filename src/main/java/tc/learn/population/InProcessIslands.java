package tc.learn.population;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs the islands in this JVM, {@code threads} at a time (1: one after another). */
public final class InProcessIslands implements IslandRunner {
    private final int threads;

    public InProcessIslands(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        this.threads = threads;
    }

    @Override public List<IslandOutcome> run(List<IslandJob> jobs) {
        if (threads == 1 || jobs.size() < 2) return jobs.stream().map(IslandLearner::run).toList();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, jobs.size()));
        try {
            List<Future<IslandOutcome>> futures = new ArrayList<>();
            for (IslandJob job : jobs) futures.add(pool.submit(() -> IslandLearner.run(job)));
            List<IslandOutcome> out = new ArrayList<>();
            for (Future<IslandOutcome> f : futures) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while islands were learning", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    @Override public String describe() { return "in-process, " + threads + (threads == 1 ? " thread" : " threads"); }
}
