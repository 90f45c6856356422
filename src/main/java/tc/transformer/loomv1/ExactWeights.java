package tc.transformer.loomv1;

import java.util.ArrayList;
import java.util.List;
import tc.isa.MachineConfig;
import tc.state.StateLayout;
import tc.transformer.Layer;
import tc.transformer.LoomModel;

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

    public static LoomModel build(MachineConfig config) {
        List<Layer> layers = new ArrayList<>();
        for (LayerBudget b : rowBudget(config)) layers.add(b.layer());
        return new LoomModel(PROFILE, config, layers);
    }

    /** Every layer with its named blocks, L0 first. */
    public static List<LayerBudget> rowBudget(MachineConfig config) {
        StateLayout layout = StateLayout.exact(config);
        return List.of(ExactBlocks.dedupe(layout), L1Fetch.build(layout), L2Operands.build(layout), L3Indirect.build(layout),
                L4Subtract.build(layout), L5Write.build(layout), L6Branch.build(layout), L7Select.build(layout), L8Correct.build(layout));
    }
}
