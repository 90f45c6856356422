package tc.computer.memory;

import java.util.BitSet;

/**
 * Recency order over {@code n} slots as a doubly linked list in arrays (head = most recent), with
 * the free slots in a bit set: O(1) touch and eviction, lowest free slot first.
 */
final class LruSlots {
    private final int[] prev, next;
    private final BitSet free;
    private int head = -1, tail = -1;

    LruSlots(int n) {
        prev = new int[n];
        next = new int[n];
        free = new BitSet(n);
        free.set(0, n);
    }

    /** Makes {@code s} (in use) the most recent. */
    void touch(int s) {
        if (s == head) return;
        unlink(s);
        pushFront(s);
    }

    /**
     * A slot for a new entry, made most recent: the lowest free slot, else the least recent one
     * (whose old entry the caller evicts).
     */
    int allocate() {
        int s = free.nextSetBit(0);
        if (s >= 0) {
            free.clear(s);
            pushFront(s);
            return s;
        }
        s = tail;
        touch(s);
        return s;
    }

    /** Frees slot {@code s} (in use). */
    void release(int s) {
        unlink(s);
        free.set(s);
    }

    boolean isFree(int s) { return free.get(s); }

    /** The least recent slot in use, −1 if none. */
    int leastRecent() { return tail; }

    private void unlink(int s) {
        int p = prev[s], q = next[s];
        if (p >= 0) next[p] = q; else head = q;
        if (q >= 0) prev[q] = p; else tail = p;
    }

    private void pushFront(int s) {
        prev[s] = -1;
        next[s] = head;
        if (head >= 0) prev[head] = s; else tail = s;
        head = s;
    }
}
