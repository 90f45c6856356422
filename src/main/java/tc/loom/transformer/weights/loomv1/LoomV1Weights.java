package tc.loom.transformer.weights.loomv1;

import java.util.List;
import tc.loom.isa.MachineConfig;
import tc.loom.state.StateLayout;
import tc.loom.transformer.LoomModel;
import tc.loom.transformer.weights.LayerBudget;

/**
 * The {@code loom-v1} profile: Loom's 8 layers exactly as the reference builds them
 * (REFERENCE.md §2). The weights depend on (s, n, N) only; m does not enter.
 *
 * <p>Each layer is one class (L1Fetch … L8Correct) that emits its FFN rows in named blocks;
 * {@link #rowBudget} exposes those blocks so documentation and tests can show where every row
 * comes from.
 */
public final class LoomV1Weights {
    private LoomV1Weights() {}

    /** The profile name recorded in the model. */
    public static final String PROFILE = "loom-v1";

    /** The model for {@code config}. */
    public static LoomModel build(MachineConfig config) { return LayerBudget.model(PROFILE, config, rowBudget(config)); }

    /** Every layer with the named blocks its hidden rows came from, L1 first. */
    public static List<LayerBudget> rowBudget(MachineConfig config) {
        StateLayout layout = StateLayout.of(config);
        return List.of(L1Fetch.build(layout, Fixes.NONE), L2Operands.build(layout, Fixes.NONE), L3Indirect.build(layout, Fixes.NONE), L4Subtract.build(layout),
                L5Write.build(layout, Fixes.NONE), L6Branch.build(layout, Fixes.NONE), L7Select.build(layout), L8Correct.build(layout));
    }
}
