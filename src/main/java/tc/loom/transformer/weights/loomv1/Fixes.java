package tc.loom.transformer.weights.loomv1;

import tc.loom.isa.Opcode;
import tc.loom.state.StateLayout;
import tc.loom.state.StateLayout.Rows;
import tc.loom.transformer.AttentionHead;
import tc.loom.transformer.weights.FfnBuilder;
import tc.loom.transformer.weights.LayerBudget;

/**
 * The places where a weight profile adds blocks to Loom's layers. The layers call these only on
 * an exact layout ({@link StateLayout#isExact()}); loom-v1 builds on the reference layout and
 * passes {@link #NONE}. The exact profile's implementation lives in its own package and depends
 * on this one, never the other way round.
 */
public interface Fixes {
    /** L1: the MODE row that selects SUBLEQ. */
    void mode(FfnBuilder f, Rows buffer);

    /** L2: the fixed operand blocks. */
    void operands(FfnBuilder f);

    /** L2: a ±1 copy of the pointer for {@code op} into {@code target}. */
    void pointerQuery(FfnBuilder f, Opcode op, Rows target, String purpose);

    /** L3 replaced whole. */
    LayerBudget indirect(StateLayout layout);

    /** L5: the extra head that carries STORE's write. */
    AttentionHead storeWrite(FfnBuilder f);

    /** L6: the branch to the fault column. */
    void faultBranch(FfnBuilder f, int flag);

    /** loom-v1: no fixes; reaching one means a layer was built on an exact layout without them. */
    Fixes NONE = new Fixes() {
        private IllegalStateException none() {
            return new IllegalStateException("an exact layout needs the exact profile's fixes (ExactWeights), not loom-v1's");
        }
        @Override public void mode(FfnBuilder f, Rows buffer) { throw none(); }
        @Override public void operands(FfnBuilder f) { throw none(); }
        @Override public void pointerQuery(FfnBuilder f, Opcode op, Rows target, String purpose) { throw none(); }
        @Override public LayerBudget indirect(StateLayout layout) { throw none(); }
        @Override public AttentionHead storeWrite(FfnBuilder f) { throw none(); }
        @Override public void faultBranch(FfnBuilder f, int flag) { throw none(); }
    };
}
