package tc.transformer.io;

import java.nio.file.Path;
import tc.isa.MachineConfig;
import tc.transformer.LoomModel;

/** The reference's {@code weights_flat.bin} float32 stream (REFERENCE.md §7). */
public final class FlatWeights {
    private FlatWeights() {}

    /** STUB: reads a weights_flat.bin stream for {@code config} (the file does not record m). */
    public static LoomModel read(Path file, MachineConfig config) { throw new UnsupportedOperationException("not written yet"); }

    /** STUB: the model as the reference's float32 stream, little-endian. */
    public static byte[] write(LoomModel model) { throw new UnsupportedOperationException("not written yet"); }
}
