package tc.transformer.io;

import java.nio.file.Path;
import tc.isa.MachineConfig;
import tc.transformer.LoomModel;

/** The reference's {@code sparse_weights_<d>x<n>.json} (REFERENCE.md §7). */
public final class SparseWeightsJson {
    private SparseWeightsJson() {}

    /** STUB: reads the file for {@code config}. */
    public static LoomModel read(Path file, MachineConfig config) { throw new UnsupportedOperationException("not written yet"); }
}
