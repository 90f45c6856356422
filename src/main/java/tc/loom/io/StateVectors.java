package tc.loom.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import tc.loom.isa.MachineConfig;
import tc.loom.state.StateLayout;
import tc.loom.state.StateMatrix;

/**
 * The reference's step vectors ({@code test_input.bin}, {@code test_output.bin}): int32 d, int32 n,
 * then d·n float32, all little-endian, row-major.
 */
public final class StateVectors {
    private StateVectors() {}

    /** Reads a state vector file as a state of {@code config}, whose d and n it must have. */
    public static StateMatrix read(Path file, MachineConfig config) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < 8) throw new IOException(file + ": " + bytes.length + " bytes, too short for the d, n header");
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int d = in.getInt(), n = in.getInt();
        StateLayout layout = StateLayout.of(config);
        if (d != layout.rows() || n != layout.columns())
            throw new IOException(file + ": holds a " + d + "×" + n + " state, configuration " + config.name() + " needs "
                    + layout.rows() + "×" + layout.columns());
        long expected = 8L + 4L * d * n;
        if (bytes.length != expected) throw new IOException(file + ": " + bytes.length + " bytes, a " + d + "×" + n + " state takes " + expected);
        StateMatrix x = new StateMatrix(layout);
        in.asFloatBuffer().get(x.data());
        return x;
    }

    /** The file form of {@code x}. */
    public static byte[] write(StateMatrix x) {
        int d = x.layout().rows(), n = x.layout().columns();
        ByteBuffer out = ByteBuffer.allocate(8 + 4 * d * n).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(d).putInt(n);
        out.asFloatBuffer().put(x.data());
        return out.array();
    }
}
