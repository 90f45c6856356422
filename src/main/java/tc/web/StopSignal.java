package tc.web;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Why a long request should stop now: its session's cancel flag was raised, or it has run for the
 * time one request may take ({@link WebLimits#maxRequestTime()}), so that no request holds one of
 * the server's threads for long whatever engine it steps.
 */
final class StopSignal {
    private final AtomicBoolean cancelled;
    private final long deadline;
    private final long seconds;

    StopSignal(AtomicBoolean cancelled, java.time.Duration limit) {
        this.cancelled = cancelled;
        this.deadline = System.nanoTime() + limit.toNanos();
        this.seconds = Math.max(1, limit.toSeconds());
    }

    /** Null to go on; else why the request stops ("cancelled", or the time limit). */
    String reason() {
        if (cancelled.get()) return "cancelled";
        if (System.nanoTime() - deadline > 0) return "paused at the time limit of a request (" + seconds + " s)";
        return null;
    }
}
