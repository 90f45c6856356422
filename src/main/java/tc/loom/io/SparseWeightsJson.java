package tc.loom.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
 * The reference's {@code sparse_weights_<d>x<n>.json} (REFERENCE.md §7):
 * {@code {"d", "s", "layers": [[numHeads, qRows, w1Rows, [[Q, K, V]…], W1, b1, W2, b2]…]}} with
 * matrices as COO {@code [rows[], cols[], vals[]]} and biases as three zones
 * {@code [col0[], scratch[], rest[]]}.
 */
public final class SparseWeightsJson {
    private SparseWeightsJson() {}

    /**
     * Reads the file for {@code config} (the file records d and s, not m or N).
     *
     * @throws IllegalArgumentException naming the file and the first thing wrong with it
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public static LoomModel read(Path file, MachineConfig config) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            var at = e.getLocation();
            throw new IllegalArgumentException(file + ": malformed JSON" + (at == null || at.getLineNr() < 1 ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(file + ": cannot read", e);
        }
        return new Reader(file, config).model(root);
    }

    private record Reader(Path file, MachineConfig config) {
        LoomModel model(JsonNode root) {
            if (root == null || !root.isObject()) throw bad("top level is not an object");
            int d = config.rows();
            int fileD = integer(root.get("d"), "d");
            if (fileD != d) throw bad("d = " + fileD + ", but configuration " + config.name() + " has d = " + d);
            int s = integer(root.get("s"), "s");
            if (s != config.s()) throw bad("s = " + s + ", but configuration " + config.name() + " has s = " + config.s());
            JsonNode layers = array(root.get("layers"), "layers");
            List<Layer> out = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) out.add(layer(layers.get(i), "layers[" + i + "]", "L" + (i + 1), d));
            return new LoomModel("file", config, out);
        }

        Layer layer(JsonNode node, String where, String name, int d) {
            JsonNode l = array(node, where);
            if (l.size() != 8) throw bad(where + " has " + l.size() + " entries, expected 8 [numHeads, qRows, w1Rows, heads, W1, b1, W2, b2]");
            int numHeads = integer(l.get(0), where + ".numHeads");
            int q = integer(l.get(1), where + ".qRows");
            int w1Rows = integer(l.get(2), where + ".w1Rows");
            JsonNode heads = array(l.get(3), where + ".heads");
            if (heads.size() != numHeads) throw bad(where + " declares " + numHeads + " heads but lists " + heads.size());
            List<AttentionHead> hs = new ArrayList<>();
            for (int h = 0; h < numHeads; h++) {
                String hw = where + ".heads[" + h + "]";
                JsonNode qkv = array(heads.get(h), hw);
                if (qkv.size() != 3) throw bad(hw + " has " + qkv.size() + " matrices, expected [Q, K, V]");
                hs.add(new AttentionHead(name + " head " + h, coo(qkv.get(0), hw + ".Q", q, d), coo(qkv.get(1), hw + ".K", q, d),
                        coo(qkv.get(2), hw + ".V", d, d)));
            }
            return new Layer(name, hs, coo(l.get(4), where + ".W1", w1Rows, d), zones(l.get(5), where + ".b1", w1Rows),
                    coo(l.get(6), where + ".W2", d, w1Rows), zones(l.get(7), where + ".b2", d));
        }

        SparseMatrix coo(JsonNode node, String where, int rows, int cols) {
            JsonNode m = array(node, where);
            if (m.size() != 3) throw bad(where + " is not [rows[], cols[], vals[]]");
            JsonNode r = array(m.get(0), where + ".rows");
            JsonNode c = array(m.get(1), where + ".cols");
            JsonNode v = array(m.get(2), where + ".vals");
            if (r.size() != c.size() || r.size() != v.size())
                throw bad(where + ": COO arrays differ in length (" + r.size() + ", " + c.size() + ", " + v.size() + ")");
            int[] ri = new int[r.size()];
            int[] ci = new int[r.size()];
            float[] vals = new float[r.size()];
            for (int k = 0; k < ri.length; k++) {
                ri[k] = integer(r.get(k), where + ".rows[" + k + "]");
                ci[k] = integer(c.get(k), where + ".cols[" + k + "]");
                vals[k] = number(v.get(k), where + ".vals[" + k + "]");
            }
            try {
                return new SparseMatrix(rows, cols, ri, ci, vals);
            } catch (IllegalArgumentException e) {
                throw bad(where + " (" + rows + "×" + cols + "): " + e.getMessage());
            }
        }

        ZoneBias zones(JsonNode node, String where, int rows) {
            JsonNode z = array(node, where);
            if (z.size() != 3) throw bad(where + " is not [col0[], scratch[], rest[]]");
            float[][] out = new float[3][];
            String[] names = {"col0", "scratch", "rest"};
            for (int i = 0; i < 3; i++) {
                JsonNode a = array(z.get(i), where + "." + names[i]);
                if (a.size() != rows) throw bad(where + "." + names[i] + " has " + a.size() + " values, expected " + rows);
                out[i] = new float[rows];
                for (int k = 0; k < rows; k++) out[i][k] = number(a.get(k), where + "." + names[i] + "[" + k + "]");
            }
            return new ZoneBias(out[0], out[1], out[2]);
        }

        JsonNode array(JsonNode node, String where) {
            if (node == null || !node.isArray()) throw bad(where + " is missing or not an array");
            return node;
        }

        int integer(JsonNode node, String where) {
            if (node == null || !node.isNumber()) throw bad(where + " is missing or not a number");
            double v = node.asDouble();
            if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) throw bad(where + " = " + node + " is not a non-negative integer");
            return (int) v;
        }

        float number(JsonNode node, String where) {
            if (node == null || !node.isNumber()) throw bad(where + " is missing or not a number");
            return (float) node.asDouble();
        }

        IllegalArgumentException bad(String what) { return new IllegalArgumentException(file + ": " + what); }
    }
}
