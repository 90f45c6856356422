package tc.loom.transformer.weights;

import tc.loom.state.StateLayout;
import tc.loom.state.StateLayout.Rows;
import tc.loom.transformer.AttentionHead;
import tc.loom.transformer.SparseMatrix;

/**
 * The one attention idiom Loom uses: Q = K = [key field ; match field] summed row by row, so a
 * column whose key field equals another column's match field ties with it (REFERENCE.md §1.3),
 * and V copies source rows into destination rows.
 */
public final class Heads {
    private Heads() {}

    /** The key/query matrix: query row r reads {@code key.row(r)} and {@code match.row(r)}. */
    public static SparseMatrix keys(StateLayout layout, int qRows, Rows key, Rows match) {
        if (key.count() != match.count() || key.count() > qRows) throw new IllegalArgumentException("key fields differ in width");
        SparseBuilder q = new SparseBuilder(qRows, layout.rows());
        for (int r = 0; r < key.count(); r++) {
            q.add(r, key.row(r), 1);
            q.add(r, match.row(r), 1);
        }
        return q.build();
    }

    /** A value matrix under construction. */
    public static final class Values {
        private final SparseBuilder v;

        public Values(StateLayout layout) { v = new SparseBuilder(layout.rows(), layout.rows()); }

        /** dst += weight · src, bit for bit. */
        public Values copy(Rows dst, Rows src, double weight) {
            for (int i = 0; i < src.count(); i++) v.add(dst.row(i), src.row(i), weight);
            return this;
        }

        public SparseMatrix build() { return v.build(); }
    }

    public static AttentionHead head(String name, StateLayout layout, int qRows, Rows key, Rows match, Values values) {
        SparseMatrix qk = keys(layout, qRows, key, match);
        return new AttentionHead(name, qk, qk, values.build());
    }

    /** Layers without attention still carry one all-zero head in the reference files. */
    public static AttentionHead none(String layer, StateLayout layout) {
        int d = layout.rows();
        return new AttentionHead(layer + ": no attention", SparseMatrix.empty(layout.addressBits(), d), SparseMatrix.empty(layout.addressBits(), d),
                SparseMatrix.empty(d, d));
    }
}
