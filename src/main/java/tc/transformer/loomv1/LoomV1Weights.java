package tc.transformer.loomv1;

import tc.isa.MachineConfig;
import tc.transformer.LoomModel;

/** The {@code loom-v1} profile: Loom's 8 layers exactly as the reference builds them. */
public final class LoomV1Weights {
    private LoomV1Weights() {}

    /** STUB: the model for {@code config}. */
    public static LoomModel build(MachineConfig config) { throw new UnsupportedOperationException("not written yet"); }
}
