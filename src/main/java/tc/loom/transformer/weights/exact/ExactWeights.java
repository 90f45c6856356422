package tc.loom.transformer.weights.exact;

import java.util.List;
import tc.loom.isa.MachineConfig;
import tc.loom.state.StateLayout;
import tc.loom.transformer.LoomModel;
import tc.loom.transformer.weights.LayerBudget;
import tc.loom.transformer.weights.loomv1.Fixes;
import tc.loom.transformer.weights.loomv1.L1Fetch;
import tc.loom.transformer.weights.loomv1.L2Operands;
import tc.loom.transformer.weights.loomv1.L3Indirect;
import tc.loom.transformer.weights.loomv1.L4Subtract;
import tc.loom.transformer.weights.loomv1.L5Write;
import tc.loom.transformer.weights.loomv1.L6Branch;
import tc.loom.transformer.weights.loomv1.L7Select;
import tc.loom.transformer.weights.loomv1.L8Correct;

/**
 * The {@code exact} profile: Loom's layers with the defects of REFERENCE.md §9 fixed (see
 * {@link ExactBlocks}), on the exact layout ({@link StateLayout#exact}), plus L0, which keeps
 * FIND's first-match flags current. Unlike loom-v1 the weights depend on m (the pointer-range
 * check and the cell priorities), so a model serves one configuration.
 */
public final class ExactWeights {
    private ExactWeights() {}

    public static final String PROFILE = "exact";

    /** The scratchpad column a LOAD/STORE through a pointer ≥ m branches to (and writes to, a no-op). */
    public static final int FAULT_COLUMN = 1;

    public static LoomModel build(MachineConfig config) { return LayerBudget.model(PROFILE, config, rowBudget(config)); }

    /** Every layer with its named blocks, L0 first. */
    public static List<LayerBudget> rowBudget(MachineConfig config) {
        StateLayout layout = StateLayout.exact(config);
        Fixes fixes = ExactBlocks.FIXES;
        return List.of(ExactBlocks.dedupe(layout), L1Fetch.build(layout, fixes), L2Operands.build(layout, fixes), L3Indirect.build(layout, fixes),
                L4Subtract.build(layout), L5Write.build(layout, fixes), L6Branch.build(layout, fixes), L7Select.build(layout), L8Correct.build(layout));
    }
}
