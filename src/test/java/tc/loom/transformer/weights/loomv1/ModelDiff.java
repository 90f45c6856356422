package tc.loom.transformer.weights.loomv1;

import java.util.List;
import tc.loom.transformer.AttentionHead;
import tc.loom.transformer.Layer;
import tc.loom.transformer.LoomModel;
import tc.loom.transformer.SparseMatrix;
import tc.loom.transformer.ZoneBias;
import tc.loom.transformer.weights.LayerBudget;
import tc.loom.transformer.weights.RowBlock;

/** Finds the first difference between a built model and a reference one, naming the block behind it. */
final class ModelDiff {
    private ModelDiff() {}

    /** Null when equal within {@code tol}; otherwise a description of the first difference. */
    static String firstDifference(List<LayerBudget> built, LoomModel reference, double tol) {
        if (built.size() != reference.layers().size()) return "layer count " + built.size() + " vs reference " + reference.layers().size();
        for (int i = 0; i < built.size(); i++) {
            LayerBudget b = built.get(i);
            Layer ours = b.layer();
            Layer ref = reference.layers().get(i);
            String where = "L" + (i + 1) + " (" + ours.name() + ")";
            if (ours.heads().size() != ref.heads().size()) return where + ": " + ours.heads().size() + " heads vs " + ref.heads().size();
            for (int h = 0; h < ours.heads().size(); h++) {
                AttentionHead a = ours.heads().get(h);
                AttentionHead r = ref.heads().get(h);
                String hw = where + " head " + h + " '" + a.name() + "'";
                String diff = matrix(a.q(), r.q(), tol);
                if (diff == null) diff = matrix(a.k(), r.k(), tol);
                if (diff == null) diff = matrix(a.v(), r.v(), tol);
                if (diff != null) return hw + ": " + diff;
            }
            if (ours.hiddenRows() != ref.hiddenRows()) return where + ": " + ours.hiddenRows() + " hidden rows vs reference " + ref.hiddenRows();
            int[] at = new int[2];
            String diff = matrix(ours.w1(), ref.w1(), tol, at);
            if (diff != null) return where + " W1: " + diff + " — row from block '" + blockName(b, at[0]) + "'";
            diff = zones(ours.b1(), ref.b1(), tol, at);
            if (diff != null) return where + " b1: " + diff + " — row from block '" + blockName(b, at[0]) + "'";
            diff = matrix(ours.w2(), ref.w2(), tol, at);
            if (diff != null) return where + " W2: " + diff + " — hidden row from block '" + blockName(b, at[1]) + "'";
            diff = zones(ours.b2(), ref.b2(), tol, at);
            if (diff != null) return where + " b2 (output bias): " + diff;
        }
        return null;
    }

    private static String blockName(LayerBudget b, int row) {
        for (RowBlock k : b.blocks()) if (k.contains(row)) return k.purpose() + "' rows " + k.first() + ".." + (k.end() - 1) + " '";
        return "(none)";
    }

    private static String matrix(SparseMatrix a, SparseMatrix r, double tol) { return matrix(a, r, tol, new int[2]); }

    private static String matrix(SparseMatrix a, SparseMatrix r, double tol, int[] at) {
        if (a.rows() != r.rows() || a.cols() != r.cols())
            return "shape " + a.rows() + "×" + a.cols() + " vs reference " + r.rows() + "×" + r.cols();
        float[] x = a.toDense();
        float[] y = r.toDense();
        for (int k = 0; k < x.length; k++) {
            boolean zx = x[k] == 0;
            boolean zy = y[k] == 0;
            if (zx != zy || Math.abs(x[k] - y[k]) > tol) {
                at[0] = k / a.cols();
                at[1] = k % a.cols();
                return "row " + at[0] + " col " + at[1] + ": built " + x[k] + ", reference " + y[k];
            }
        }
        return null;
    }

    private static String zones(ZoneBias a, ZoneBias r, double tol, int[] at) {
        if (a.rows() != r.rows()) return a.rows() + " rows vs reference " + r.rows();
        float[][] x = {a.col0(), a.scratch(), a.rest()};
        float[][] y = {r.col0(), r.scratch(), r.rest()};
        String[] names = {"column 0", "columns 1..s−1", "columns s.."};
        for (int k = 0; k < a.rows(); k++)
            for (int z = 0; z < 3; z++)
                if (Math.abs(x[z][k] - y[z][k]) > tol) {
                    at[0] = k;
                    return "row " + k + " zone " + names[z] + ": built " + x[z][k] + ", reference " + y[z][k];
                }
        return null;
    }
}
