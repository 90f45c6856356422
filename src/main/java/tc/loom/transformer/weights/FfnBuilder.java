package tc.loom.transformer.weights;

import java.util.ArrayList;
import java.util.List;
import tc.loom.isa.Opcode;
import tc.loom.state.Bipolar;
import tc.loom.state.StateLayout;
import tc.loom.state.StateLayout.Region;
import tc.loom.state.StateLayout.Rows;
import tc.loom.transformer.AttentionHead;
import tc.loom.transformer.Layer;
import tc.loom.transformer.ZoneBias;

/**
 * Builds one layer's FFN ({@code W1, b1, W2, b2}) row by row inside named blocks, so that every
 * hidden row can be traced back to its purpose (see {@link LayerBudget}).
 */
public final class FfnBuilder {
    /** Purpose prefix of blocks whose rows do not affect the output. */
    public static final String UNUSED = "unused";

    /** Weight of the indicator row in the gating idiom (REFERENCE.md §2.1.3). */
    public static final double GATE = 100;

    private final StateLayout layout;
    private final String layerName;
    private final int d;
    private final List<double[]> b1 = new ArrayList<>(); // per hidden row: col0, scratch, rest
    private final List<double[]> w1 = new ArrayList<>(); // sparse rows as (col, value) pairs
    private final List<double[]> w2 = new ArrayList<>(); // per hidden row: (stateRow, value) pairs
    private final double[][] b2;
    private final List<RowBlock> blocks = new ArrayList<>();
    private String openPurpose;
    private int openFirst;

    public FfnBuilder(StateLayout layout, String layerName) {
        this.layout = layout;
        this.layerName = layerName;
        this.d = layout.rows();
        this.b2 = new double[d][3];
    }

    public StateLayout layout() { return layout; }

    public int rowsSoFar() { return w1.size(); }

    /** Starts a block; the previous one (if any) ends here. */
    public FfnBuilder block(String purpose) {
        close();
        openPurpose = purpose;
        openFirst = w1.size();
        return this;
    }

    private void close() {
        if (openPurpose != null && w1.size() > openFirst) blocks.add(new RowBlock(openPurpose, openFirst, w1.size() - openFirst));
        openPurpose = null;
    }

    /** A new hidden row in the current block. */
    public Row row() {
        if (openPurpose == null) throw new IllegalStateException(layerName + ": row outside a block");
        w1.add(new double[0]);
        w2.add(new double[0]);
        b1.add(new double[3]);
        return new Row(w1.size() - 1);
    }

    /** Pads the hidden layer with all-zero rows up to {@code total} rows. */
    public FfnBuilder padTo(int total, String why) {
        if (w1.size() > total) throw new IllegalStateException(layerName + " needs " + w1.size() + " rows, budget " + total);
        if (w1.size() < total) {
            block(UNUSED + ": " + why);
            while (w1.size() < total) row();
        }
        return this;
    }

    /** Adds to the output bias of state row {@code stateRow}, per zone. */
    public FfnBuilder outputBias(int stateRow, double col0, double scratch, double rest) {
        b2[stateRow][0] += col0;
        b2[stateRow][1] += scratch;
        b2[stateRow][2] += rest;
        return this;
    }

    public LayerBudget build(List<AttentionHead> heads) {
        close();
        int h = w1.size();
        SparseBuilder m1 = new SparseBuilder(h, d);
        SparseBuilder m2 = new SparseBuilder(d, h);
        float[][] bias1 = new float[3][h];
        for (int r = 0; r < h; r++) {
            double[] in = w1.get(r);
            for (int k = 0; k < in.length; k += 2) m1.add(r, (int) in[k], in[k + 1]);
            double[] out = w2.get(r);
            for (int k = 0; k < out.length; k += 2) m2.add((int) out[k], r, out[k + 1]);
            for (int z = 0; z < 3; z++) bias1[z][r] = (float) b1.get(r)[z];
        }
        float[][] bias2 = new float[3][d];
        for (int r = 0; r < d; r++) for (int z = 0; z < 3; z++) bias2[z][r] = (float) b2[r][z];
        Layer layer = new Layer(layerName, heads, m1.build(), new ZoneBias(bias1[0], bias1[1], bias1[2]), m2.build(),
                new ZoneBias(bias2[0], bias2[1], bias2[2]));
        return new LayerBudget(layer, blocks);
    }

    /** One hidden row: {@code relu(Σ w·x + b)} added into state rows with output weights. */
    public final class Row {
        private final int index;

        private Row(int index) { this.index = index; }

        /** Input weight on a state row. */
        public Row in(int stateRow, double weight) {
            w1.set(index, append(w1.get(index), stateRow, weight));
            return this;
        }

        /** Input weights on consecutive state rows, MSB first. */
        public Row in(Rows rows, double[] weights) {
            for (int i = 0; i < weights.length; i++) in(rows.row(i), weights[i]);
            return this;
        }

        /** Output weight into a state row. */
        public Row out(int stateRow, double weight) {
            w2.set(index, append(w2.get(index), stateRow, weight));
            return this;
        }

        /** The same output weights into consecutive state rows, MSB first. */
        public Row out(Rows rows, double[] weights) {
            for (int i = 0; i < weights.length; i++) out(rows.row(i), weights[i]);
            return this;
        }

        /** Bias in every column. */
        public Row bias(double value) { return bias(value, value, value); }

        /** Bias at column 0 only: the row can fire nowhere else. */
        public Row biasCol0(double value) { return bias(value, 0, 0); }

        public Row bias(double col0, double scratch, double rest) {
            double[] b = b1.get(index);
            b[0] += col0;
            b[1] += scratch;
            b[2] += rest;
            return this;
        }

        /** {@code +100·indicator − 100}: the row can fire only in scratchpad columns. */
        public Row onlyScratchpad() { return in(indicator(), GATE).bias(-GATE); }

        /** {@code −100·indicator}: the row can fire only outside the scratchpad. */
        public Row offScratchpad() { return in(indicator(), -GATE); }

        /** ⟨p_op, addr_a⟩ scaled: equals {@code scale·ℓ} exactly when the decoded opcode is {@code op}. */
        public Row opcode(Opcode op, double scale) {
            float[] p = Bipolar.encode(op.number(), layout.addressBits());
            Rows a = scratchA();
            for (int i = 0; i < p.length; i++) in(a.row(i), scale * p[i]);
            return this;
        }

        public Row opcode(Opcode op) { return opcode(op, 1); }
    }

    private static double[] append(double[] pairs, int col, double value) {
        double[] out = java.util.Arrays.copyOf(pairs, pairs.length + 2);
        out[pairs.length] = col;
        out[pairs.length + 1] = value;
        return out;
    }

    // Named fields of the layout that several layers use.

    public int indicator() { return layout.rows(Region.INDICATOR).first(); }

    public Rows scratchA() { return layout.rows(Region.SCRATCH_CMD).slice(0, layout.addressBits()); }

    public Rows scratchB() { return layout.rows(Region.SCRATCH_CMD).slice(layout.addressBits(), layout.addressBits()); }

    public Rows scratchC() { return layout.rows(Region.SCRATCH_CMD).slice(2 * layout.addressBits(), layout.addressBits()); }

    /** The SUBLEQ mode bit: the bit of addr_a worth 32 (REFERENCE.md §3.2). */
    public int subleqModeBit() { return scratchA().row(layout.addressBits() - 6); }

    public Rows rows(Region r) { return layout.rows(r); }
}
