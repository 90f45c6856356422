package tc.loom.verify;

import tc.loom.state.StateLayout;
import tc.loom.state.StateLayout.Region;
import tc.loom.state.StateMatrix;

/**
 * The values a state entry holds between steps on the argmax engines, and how far an entry is
 * from them. On both profiles every entry is −1, 0 or +1 after every step (exactly on
 * {@code exact}, within 1e−5 on {@code loom-v1}; {@link LockstepVerifier} checks it), except the
 * exact layout's constant PRIO row, which keeps 2m − i in memory column s + i and 0 elsewhere.
 * Halves (the designed 50/50 ties) and other intermediate values exist only inside a step.
 */
public final class ValueSet {
    private ValueSet() {}

    /** One state entry and its distance from the value set. */
    public record Entry(int row, int column, float value, float distance, Region region) {}

    /** How far {@code value}, held at ({@code row}, {@code column}), is from the values that entry may hold (NaN stays NaN). */
    public static float distance(StateLayout layout, int row, int column, float value) {
        if (layout.has(Region.PRIO) && row == layout.rows(Region.PRIO).first())
            return Math.abs(value - LockstepVerifier.priority(layout, column));
        return ternaryDistance(value);
    }

    private static float ternaryDistance(float v) { return Math.min(Math.abs(v), Math.min(Math.abs(v - 1f), Math.abs(v + 1f))); }

    /** The entry farthest from the value set (NaN counts as farthest; the first in row-major order among equals). */
    public static Entry farthest(StateMatrix x) {
        StateLayout layout = x.layout();
        float[] data = x.data();
        int n = layout.columns();
        int prio = layout.has(Region.PRIO) ? layout.rows(Region.PRIO).first() : -1;
        int worst = 0;
        float worstDistance = -1;
        for (int row = 0; row < layout.rows(); row++) {
            for (int j = 0, e = row * n; j < n; j++, e++) {
                float v = data[e];
                float dist = row == prio ? Math.abs(v - LockstepVerifier.priority(layout, j)) : ternaryDistance(v);
                if (!(dist <= worstDistance)) {
                    worst = e;
                    worstDistance = dist;
                    if (Float.isNaN(dist)) return entry(layout, data, worst, worstDistance);
                }
            }
        }
        return entry(layout, data, worst, worstDistance);
    }

    private static Entry entry(StateLayout layout, float[] data, int e, float distance) {
        int row = e / layout.columns();
        return new Entry(row, e % layout.columns(), data[e], distance, LockstepVerifier.regionOf(layout, row));
    }

    /** Rounds every entry to the nearest value of the set (the PRIO row to its constants), in place; NaN becomes 0. */
    public static void round(StateMatrix x) {
        StateLayout layout = x.layout();
        float[] data = x.data();
        int n = layout.columns();
        int prio = layout.has(Region.PRIO) ? layout.rows(Region.PRIO).first() : -1;
        for (int row = 0; row < layout.rows(); row++)
            for (int j = 0, e = row * n; j < n; j++, e++) {
                float v = data[e];
                data[e] = row == prio ? LockstepVerifier.priority(layout, j) : v > 0.5f ? 1f : v < -0.5f ? -1f : 0f;
            }
    }
}
