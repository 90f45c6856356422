package tc.loom.engine;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Which sources send to each target in one argmax head, kept sorted by source, and the head's
 * output rebuilt from them: the bookkeeping {@link SparseHead} and {@link IndexedHead} share
 * (they differ in how they find decisions, not in how decisions become outputs). Rebuilding a
 * target sums its sources in ascending order from +0, the order of the dense engine's scatter,
 * so the output is dense's bit for bit.
 */
final class Routing {
    private final int[][] incoming;
    private final int[] count;

    Routing(int n) {
        incoming = new int[n][2];
        count = new int[n];
    }

    /** Forgets every route (before a full recomputation). */
    void clear() { Arrays.fill(count, 0); }

    /** Sources sending to target t. */
    int count(int t) { return count[t]; }

    /** The e-th source (ascending) sending to target t. */
    int source(int t, int e) { return incoming[t][e]; }

    /** Routes source i to target t and marks t in {@code targets}. */
    void attach(int t, int i, ColumnSet targets) {
        int c = count[t];
        int[] list = incoming[t];
        if (c == list.length) incoming[t] = list = Arrays.copyOf(list, c * 2);
        int at = c;
        while (at > 0 && list[at - 1] > i) {
            list[at] = list[at - 1];
            at--;
        }
        list[at] = i;
        count[t] = c + 1;
        targets.add(t);
    }

    /** Removes source i from target t's list and marks t in {@code targets}. */
    void detach(int t, int i, ColumnSet targets) {
        int c = count[t];
        int[] list = incoming[t];
        int at = 0;
        while (at < c && list[at] != i) at++;
        if (at == c) throw new IllegalStateException("source " + i + " not in target " + t + "'s list");
        System.arraycopy(list, at + 1, list, at, c - at - 1);
        count[t] = c - 1;
        targets.add(t);
    }

    /**
     * out[t] = Σ over t's sources i in ascending order of ½·V·x_i (when {@code halved} holds for
     * i: its weight is split with a second target) or V·x_i, from +0; {@code vx} holds the vr
     * value rows per column.
     */
    void rebuild(int t, float[] out, float[] vx, int vr, IntPredicate halved) {
        int o = t * vr;
        Arrays.fill(out, o, o + vr, 0f);
        int[] list = incoming[t];
        for (int e = 0; e < count[t]; e++) {
            int i = list[e];
            int vo = i * vr;
            if (halved.test(i)) {
                for (int c = 0; c < vr; c++) out[o + c] += 0.5f * vx[vo + c];
            } else {
                for (int c = 0; c < vr; c++) out[o + c] += vx[vo + c];
            }
        }
    }
}
