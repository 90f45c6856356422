package tc.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc.learn.LearnResult;
import tc.learn.LearnState;
import tc.learn.Learner;
import tc.learn.Task;
import tc.learn.TaskSuite;

/**
 * A {@code tc learn} run in the background for the page: the full learner on one task and seed
 * at its default budget. While it runs, the page polls the episodes used (the learner's progress
 * callback); when it ends, the learning curve (score, accuracy and loss by episode) and the program
 * found. Cancelling stops it at the next progress report.
 */
final class LearnJob {
    private final String task;
    private final long seed, budget;
    private final Thread thread;
    private volatile long episodes;
    private volatile boolean cancelled;
    private volatile LearnResult result;
    private volatile String error;

    /** Cancellation ends the run by an exception thrown from the progress callback, the one place the learner calls out. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() { super("cancelled", null, false, false); }
    }

    LearnJob(String task, long seed) {
        if (!TaskSuite.NAMES.contains(task))
            throw WebError.badRequest("unknown task '" + task + "': choose one of " + String.join(", ", TaskSuite.NAMES));
        if (seed < 1 || seed > 1000) throw WebError.badRequest("seed must be 1..1000, got " + seed);
        this.task = task;
        this.seed = seed;
        this.budget = tc.learn.LearnTable.defaultBudget(task);
        thread = Thread.ofPlatform().daemon().name("tc-web-learn-" + task).unstarted(this::work);
        thread.start();
    }

    private void work() {
        try {
            Task t = TaskSuite.task(task, seed);
            Learner learner = tc.learn.Variants.FULL.learner(t, Learner.DEFAULT_POPULATION);
            result = learner.learn(t, seed, budget, e -> {
                episodes = e;
                if (cancelled) throw new Cancelled();
            });
        } catch (Cancelled e) {
            error = "cancelled";
        } catch (RuntimeException e) {
            error = "learning failed: " + e.getMessage();
        }
    }

    void cancel() { cancelled = true; }

    Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", task);
        m.put("seed", seed);
        m.put("budget", budget);
        LearnResult r = result;
        m.put("episodes", r != null ? r.episodesTotal() : episodes);
        m.put("done", r != null || error != null);
        m.put("error", error);
        if (r != null) {
            m.put("solved", r.solved());
            m.put("accuracy", r.accuracy());
            m.put("program", r.assembly());
            List<Map<String, Object>> curve = new ArrayList<>();
            for (LearnState.CurvePoint p : r.curve()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("episode", p.episode());
                c.put("score", finite(p.score()));
                c.put("accuracy", finite(p.accuracy()));
                c.put("loss", finite(p.loss()));
                c.put("phase", p.phase());
                curve.add(c);
            }
            m.put("curve", curve);
        }
        return m;
    }

    private static Double finite(double v) { return Double.isFinite(v) ? v : null; }
}
