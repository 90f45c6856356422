package tc.loom.engine;

import tc.loom.isa.MachineConfig;
import tc.loom.state.StateMatrix;
import tc.loom.transformer.AttentionHead;
import tc.loom.transformer.Layer;
import tc.loom.transformer.LoomModel;
import tc.loom.transformer.SparseMatrix;

/**
 * The dimensions an engine needs (d rows, n columns, s scratchpad columns), after checking that
 * every matrix of the model fits them. The weights depend on (s, n, N) only, so a model built
 * for one m serves states of any m.
 */
record ModelShape(int d, int n, int s) {

    static ModelShape of(LoomModel model) {
        MachineConfig c = model.config();
        // d comes from the weights: the exact profile's layout has more rows than Loom's.
        int d = model.layers().isEmpty() ? c.rows() : model.layers().get(0).w1().cols();
        ModelShape shape = new ModelShape(d, c.n(), c.s());
        for (Layer layer : model.layers()) shape.check(layer);
        return shape;
    }

    private void check(Layer layer) {
        for (AttentionHead h : layer.heads()) {
            int q = h.q().rows();
            expect(h.q(), q, d, layer, h.name() + " Q");
            expect(h.k(), q, d, layer, h.name() + " K");
            expect(h.v(), d, d, layer, h.name() + " V");
        }
        int hidden = layer.w1().rows();
        expect(layer.w1(), hidden, d, layer, "W1");
        expect(layer.w2(), d, hidden, layer, "W2");
        if (layer.b1().rows() != hidden) throw new IllegalArgumentException(layer.name() + ": b1 has " + layer.b1().rows() + " rows, W1 has " + hidden);
        if (layer.b2().rows() != d) throw new IllegalArgumentException(layer.name() + ": b2 has " + layer.b2().rows() + " rows, d = " + d);
    }

    private static void expect(SparseMatrix m, int rows, int cols, Layer layer, String what) {
        if (m.rows() != rows || m.cols() != cols)
            throw new IllegalArgumentException(layer.name() + ": " + what + " is " + m.rows() + "×" + m.cols() + ", expected " + rows + "×" + cols);
    }

    /** The state must have this model's rows, columns and scratchpad width (m may differ). */
    void checkState(StateMatrix x) {
        MachineConfig c = x.layout().config();
        if (x.layout().rows() != d || c.n() != n || c.s() != s)
            throw new IllegalArgumentException("state is " + x.layout().rows() + "×" + c.n() + " (s = " + c.s() + "), the model needs "
                    + d + "×" + n + " (s = " + s + ")");
    }

    void checkArray(float[] x) {
        if (x.length != d * n) throw new IllegalArgumentException("state has " + x.length + " values, the model needs d·n = " + d + "·" + n);
    }

    /** Zone of a column for the 3-zone biases: 0 = column 0, 1 = scratchpad 1..s−1, 2 = the rest. */
    int zone(int column) { return column == 0 ? 0 : column < s ? 1 : 2; }
}
