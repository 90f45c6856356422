package tc.computer.device;

import java.util.ArrayDeque;

/**
 * The keyboard/event queue: the host enqueues events (any int), the program takes them with
 * {@code KEY_IN} (−1 when empty) and counts them with {@code KEY_COUNT}.
 */
public final class Keyboard {
    private final ArrayDeque<Integer> events = new ArrayDeque<>();

    /** Adds an event at the end of the queue. */
    public void enqueue(int event) { events.addLast(event); }

    /** Adds several events in order. */
    public void enqueueAll(int... many) { for (int e : many) enqueue(e); }

    /** Takes the next event, −1 when the queue is empty. */
    public int next() { Integer e = events.pollFirst(); return e == null ? -1 : e; }

    /** Events waiting. */
    public int count() { return events.size(); }
}
