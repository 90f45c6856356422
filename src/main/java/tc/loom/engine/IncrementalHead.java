package tc.loom.engine;

/**
 * An argmax head kept up to date from step to step by {@link IncrementalLayer}: it caches its
 * projections per column and its output per target column, and recomputes only what the changed
 * input columns can affect. Implementations give the dense rule's output bit for bit.
 */
sealed interface IncrementalHead permits SparseHead, IndexedHead {

    /** A head whose V is empty adds nothing; the layer drops it. */
    boolean contributes();

    /** The rows of V·x that can be non-zero, ascending. */
    int[] valueRows();

    int valueRowCount();

    /** n × valueRowCount, column-major: this head's output rows {@link #valueRows} at each target. */
    float[] out();

    /**
     * Brings the head up to date for input {@code in} (column-major n×d) whose columns outside
     * {@code changed} are bit-equal to last time ({@code fresh}: forget everything and recompute),
     * and adds to {@code changedTargets} every column whose output was rebuilt.
     */
    void update(float[] in, ColumnSet changed, boolean fresh, ColumnSet changedTargets);
}
