package tc.loom.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tc.loom.isa.MachineConfig;
import tc.loom.transformer.AttentionHead;
import tc.loom.transformer.Layer;
import tc.loom.transformer.LoomModel;
import tc.loom.transformer.SparseMatrix;
import tc.loom.transformer.ZoneBias;

/**
 * The reference's {@code weights_flat.bin} (REFERENCE.md §7): one little-endian float32 stream,
 * every count and index written as a float. {@code s, #layers}, then per layer
 * {@code heads, qRows, w1Rows}; per head Q, K, V each as {@code nnz, (row, col, val)…}; then
 * W1 the same way, b1 as {@code rows, (col0, scratch, rest)…}, W2 and b2 likewise.
 */
public final class FlatWeights {
    private FlatWeights() {}

    /**
     * Reads a weights_flat.bin stream for {@code config} (the file does not record m or N; d is
     * checked through b2's row count).
     *
     * @throws IllegalArgumentException naming the file and the first thing wrong with it
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public static LoomModel read(Path file, MachineConfig config) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(file + ": cannot read", e);
        }
        if (bytes.length % 4 != 0) throw new IllegalArgumentException(file + ": length " + bytes.length + " is not a multiple of 4 (float32 stream)");
        return new Reader(file, config, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN)).model();
    }

    /** The model as the reference's float32 stream, little-endian. */
    public static byte[] write(LoomModel model) {
        List<Float> out = new ArrayList<>();
        out.add((float) model.config().s());
        out.add((float) model.layers().size());
        for (Layer layer : model.layers()) {
            out.add((float) layer.heads().size());
            out.add((float) (layer.heads().isEmpty() ? 0 : layer.heads().get(0).q().rows()));
            out.add((float) layer.hiddenRows());
            for (AttentionHead h : layer.heads()) {
                coo(out, h.q());
                coo(out, h.k());
                coo(out, h.v());
            }
            coo(out, layer.w1());
            zones(out, layer.b1());
            coo(out, layer.w2());
            zones(out, layer.b2());
        }
        ByteBuffer buf = ByteBuffer.allocate(4 * out.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : out) buf.putFloat(f);
        return buf.array();
    }

    private static void coo(List<Float> out, SparseMatrix m) {
        int[] r = m.rowIndex();
        int[] c = m.colIndex();
        float[] v = m.values();
        out.add((float) v.length);
        for (int k = 0; k < v.length; k++) {
            out.add((float) r[k]);
            out.add((float) c[k]);
            out.add(v[k]);
        }
    }

    private static void zones(List<Float> out, ZoneBias b) {
        float[] c0 = b.col0();
        float[] sc = b.scratch();
        float[] re = b.rest();
        out.add((float) c0.length);
        for (int k = 0; k < c0.length; k++) {
            out.add(c0[k]);
            out.add(sc[k]);
            out.add(re[k]);
        }
    }

    private static final class Reader {
        private final Path file;
        private final MachineConfig config;
        private final ByteBuffer in;

        Reader(Path file, MachineConfig config, ByteBuffer in) {
            this.file = file;
            this.config = config;
            this.in = in;
        }

        LoomModel model() {
            int d = config.rows();
            int s = count("s");
            if (s != config.s()) throw bad("s = " + s + ", but configuration " + config.name() + " has s = " + config.s());
            int layers = count("number of layers");
            List<Layer> out = new ArrayList<>();
            for (int i = 0; i < layers; i++) {
                String name = "L" + (i + 1);
                int heads = count(name + " heads");
                int q = count(name + " qRows");
                int w1Rows = count(name + " w1Rows");
                List<AttentionHead> hs = new ArrayList<>();
                for (int h = 0; h < heads; h++) {
                    String hw = name + " head " + h;
                    hs.add(new AttentionHead(hw, coo(hw + " Q", q, d), coo(hw + " K", q, d), coo(hw + " V", d, d)));
                }
                SparseMatrix w1 = coo(name + " W1", w1Rows, d);
                ZoneBias b1 = zones(name + " b1", w1Rows);
                SparseMatrix w2 = coo(name + " W2", d, w1Rows);
                ZoneBias b2 = zones(name + " b2", d);
                out.add(new Layer(name, hs, w1, b1, w2, b2));
            }
            if (in.hasRemaining()) throw bad(in.remaining() / 4 + " floats left over after " + layers + " layers");
            return new LoomModel("file", config, out);
        }

        private float next(String what) {
            if (!in.hasRemaining()) throw bad("ends early, while reading " + what + " at float " + in.position() / 4);
            return in.getFloat();
        }

        private int count(String what) {
            int at = in.position() / 4;
            float f = next(what);
            if (f != Math.rint(f) || f < 0 || f > (1 << 24)) throw bad(what + " at float " + at + " is " + f + ", not a count or index");
            return (int) f;
        }

        private SparseMatrix coo(String what, int rows, int cols) {
            int nnz = count(what + " nnz");
            if ((long) nnz * 12 > in.remaining()) throw bad(what + " declares " + nnz + " entries, more than the file holds");
            int[] r = new int[nnz];
            int[] c = new int[nnz];
            float[] v = new float[nnz];
            for (int k = 0; k < nnz; k++) {
                r[k] = count(what + " row");
                c[k] = count(what + " column");
                v[k] = next(what + " value");
            }
            try {
                return new SparseMatrix(rows, cols, r, c, v);
            } catch (IllegalArgumentException e) {
                throw bad(what + " (" + rows + "×" + cols + " with d = " + config.rows() + " of configuration " + config.name() + "): "
                        + e.getMessage());
            }
        }

        private ZoneBias zones(String what, int expectedRows) {
            int rows = count(what + " rows");
            if (rows != expectedRows) throw bad(what + " has " + rows + " rows, expected " + expectedRows
                    + (what.endsWith("b2") ? " (d of configuration " + config.name() + ")" : ""));
            float[][] z = new float[3][rows];
            for (int k = 0; k < rows; k++) for (int i = 0; i < 3; i++) z[i][k] = next(what);
            return new ZoneBias(z[0], z[1], z[2]);
        }

        private IllegalArgumentException bad(String what) { return new IllegalArgumentException(file + ": " + what); }
    }
}
