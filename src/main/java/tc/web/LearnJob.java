package tc.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc.learn.LearnListener;
import tc.learn.LearnResult;
import tc.learn.LearnState;
import tc.learn.Learner;
import tc.learn.Task;
import tc.learn.TaskSuite;

/**
 * A {@code tc learn} run in the background for the page: the full learner on one task and seed
 * at its default budget. While it runs, the page polls the episodes used (the learner's progress
 * callback) and the learning curve so far (training score, training accuracy, soft loss and τ by
 * episode, from the learner's {@link LearnListener}), asking only for the points it has not seen;
 * when it ends, also the program found. Cancelling stops it at the next progress report.
 */
final class LearnJob {
    private final String task;
    private final long seed, budget;
    private final Thread thread;
    private volatile long episodes;
    private volatile boolean cancelled;
    private volatile LearnResult result;
    private volatile String error;
    /** The curve as the listener hands it over; guarded by itself (the learner's thread writes, pollers read). */
    private final List<LearnState.CurvePoint> curve = new ArrayList<>();

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
            result = learner.learn(t, tc.learn.Library.EMPTY, seed, budget, e -> {
                episodes = e;
                if (cancelled) throw new Cancelled();
            }, p -> {
                synchronized (curve) {
                    curve.add(p);
                }
            });
        } catch (Cancelled e) {
            error = "cancelled";
        } catch (RuntimeException e) {
            error = "learning failed: " + e.getMessage();
        }
    }

    void cancel() { cancelled = true; }

    /** The job's state with every curve point from index {@code since} on. */
    Map<String, Object> view(long since) {
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
        }
        if (since < 0) throw WebError.badRequest("since must be ≥ 0, got " + since);
        List<LearnState.CurvePoint> fresh;
        synchronized (curve) {
            m.put("points", curve.size());
            fresh = since >= curve.size() ? List.of() : List.copyOf(curve.subList((int) since, curve.size()));
        }
        m.put("since", since);
        List<Map<String, Object>> points = new ArrayList<>();
        for (LearnState.CurvePoint p : fresh) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("episode", p.episode());
            c.put("score", finite(p.score()));
            c.put("accuracy", finite(p.accuracy()));
            c.put("loss", finite(p.loss()));
            c.put("tau", finite(p.tau()));
            c.put("phase", p.phase());
            points.add(c);
        }
        m.put("curve", points);
        return m;
    }

    private static Double finite(double v) { return Double.isFinite(v) ? v : null; }
}
