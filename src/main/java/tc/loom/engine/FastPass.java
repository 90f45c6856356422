package tc.loom.engine;

import java.util.ArrayList;
import java.util.List;
import tc.loom.transformer.LoomModel;

/**
 * The fast exact engine: {@link IncrementalPass} with heads that find each decision through an
 * index over the attention keys ({@link IndexedHead}), so a step costs nothing for the columns
 * that did not move and few scores for those that did. It gives the dense engine's state bit for
 * bit.
 */
public final class FastPass extends IncrementalPass {

    /** A pass over {@code model}. */
    public FastPass(LoomModel model) { this(model, false); }

    /**
     * @param checkIndex also compute, on every step, what the full scan would decide for each
     *                   decision the index makes, and throw {@link IllegalStateException} at the
     *                   first disagreement (slow: n scores per decision; for tests)
     */
    public FastPass(LoomModel model, boolean checkIndex) { this(model, checkIndex, new ArrayList<>()); }

    private final List<IndexedHead> heads;

    private FastPass(LoomModel model, boolean checkIndex, List<IndexedHead> heads) {
        super(model, h -> {
            IndexedHead head = new IndexedHead(h, ModelShape.of(model).d(), ModelShape.of(model).n(), checkIndex);
            heads.add(head);
            return head;
        });
        this.heads = heads;
    }

    /**
     * Checks every active source's decision in every head against a full scan of its scores
     * (n² scores per head: for tests).
     *
     * @throws IllegalStateException naming the first disagreement
     */
    public void checkAllDecisions() {
        for (IndexedHead h : heads) h.checkAllDecisions();
    }

    /** Scores the heads computed since construction (index lookups and scans together). */
    public long scoresComputed() {
        long sum = 0;
        for (IndexedHead h : heads) sum += h.scoresComputed;
        return sum;
    }
}
