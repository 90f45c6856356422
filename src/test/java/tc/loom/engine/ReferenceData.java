package tc.loom.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tc.loom.io.FlatWeights;
import tc.loom.io.LoomState;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;
import tc.loom.transformer.LoomModel;
import tc.source.SourceFile;

/** The reference's published weights, step vectors and programs (../shared/loom-ref), loaded once. */
final class ReferenceData {
    private ReferenceData() {}

    static final Path ROOT = Path.of("../shared/loom-ref");
    static final Path STEP_VECTORS = ROOT.resolve("step-vectors");
    static final Path PROGRAMS = ROOT.resolve("programs");

    /** The shape weights_flat.bin was exported for. */
    static final MachineConfig FLAT_CONFIG = new MachineConfig(32, 160, 1024, 8);

    private static LoomModel flat;

    /** weights_flat.bin: (s, n, N) = (32, 1024, 8); it serves any m. */
    static synchronized LoomModel flatWeights() {
        if (flat == null) flat = FlatWeights.read(STEP_VECTORS.resolve("weights_flat.bin"), FLAT_CONFIG);
        return flat;
    }

    static Program program(String name) throws IOException {
        return LoomState.read(file(name + "_state.json"), file(name + "_info.json"));
    }

    private static SourceFile file(String name) throws IOException {
        return new SourceFile(name, Files.readString(PROGRAMS.resolve(name)));
    }
}
