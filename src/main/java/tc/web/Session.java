package tc.web;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One browser tab's server-side state: its debugger, Snake game, soft machine and learning run.
 * Requests on one session run one at a time ({@link #lock}); a cancel request does not wait for
 * the lock but raises {@link #cancelled}, which a long run checks between chunks of steps.
 */
final class Session {
    final String id;
    final ReentrantLock lock = new ReentrantLock();
    final AtomicBoolean cancelled = new AtomicBoolean();
    /** The running request's stop signal (its cancel flag and time limit); set under the lock. */
    StopSignal stop;
    volatile long lastUsed = System.nanoTime();
    volatile boolean closed;

    DebugSession debug;
    SnakeGame snake;
    SoftView soft;
    FramebufferDemo framebuffer;
    LearnJob learn;

    Session(String id) { this.id = id; }

    void touch() { lastUsed = System.nanoTime(); }

    /** Frees what the session holds and stops its learning run, if any. */
    void close() {
        closed = true;
        cancelled.set(true);
        LearnJob job = learn;
        if (job != null) job.cancel();
        debug = null;
        snake = null;
        soft = null;
        framebuffer = null;
    }
}
