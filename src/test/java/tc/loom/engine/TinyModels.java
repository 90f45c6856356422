package tc.loom.engine;

import java.util.List;
import java.util.TreeMap;
import tc.loom.isa.MachineConfig;
import tc.loom.state.StateLayout;
import tc.loom.state.StateMatrix;
import tc.loom.transformer.AttentionHead;
import tc.loom.transformer.Layer;
import tc.loom.transformer.LoomModel;
import tc.loom.transformer.SparseMatrix;
import tc.loom.transformer.ZoneBias;

/** Hand-built one-layer models on the smallest machine (119×64) for unit tests of the engine mechanics. */
final class TinyModels {
    private TinyModels() {}

    static final MachineConfig CONFIG = new MachineConfig(32, 8, 64, 8);
    static final int D = CONFIG.rows(), N = CONFIG.n();

    /** A sparse matrix from (row, column, value) triples in any order. */
    static SparseMatrix matrix(int rows, int cols, float... triples) {
        TreeMap<Long, Float> sorted = new TreeMap<>();
        for (int k = 0; k < triples.length; k += 3) sorted.put((long) triples[k] * cols + (int) triples[k + 1], triples[k + 2]);
        int[] ri = new int[sorted.size()], ci = new int[sorted.size()];
        float[] v = new float[sorted.size()];
        int k = 0;
        for (var e : sorted.entrySet()) {
            ri[k] = (int) (e.getKey() / cols);
            ci[k] = (int) (e.getKey() % cols);
            v[k++] = e.getValue();
        }
        return new SparseMatrix(rows, cols, ri, ci, v);
    }

    /** A head whose key (= query) is row {@code keyRow} and whose value copies row {@code from} into row {@code to}. */
    static AttentionHead copyHead(int keyRow, int from, int to) {
        SparseMatrix key = matrix(1, D, 0, keyRow, 1f);
        return new AttentionHead("copy " + from + "→" + to, key, key, matrix(D, D, to, from, 1f));
    }

    static LoomModel attentionOnly(AttentionHead... heads) {
        return new LoomModel("test", CONFIG, List.of(new Layer("attention", List.of(heads), SparseMatrix.empty(0, D), ZoneBias.zeros(0),
                SparseMatrix.empty(D, 0), ZoneBias.zeros(D))));
    }

    static StateMatrix zeroState() { return new StateMatrix(StateLayout.of(CONFIG)); }
}
