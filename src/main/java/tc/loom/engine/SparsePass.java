package tc.loom.engine;

import java.util.ArrayList;
import java.util.List;
import tc.loom.transformer.AttentionHead;
import tc.loom.transformer.Layer;
import tc.loom.transformer.LoomModel;

/**
 * The fast exact engine: sparse weights, three-zone biases, keys computed once when Q == K, and
 * work only on the columns that changed. It gives the same state as {@link DensePass}, bit for
 * bit.
 *
 * <p>Between steps it remembers, for every layer, the layer's input, its post-attention matrix
 * and its output, and per head the keys, values and top-2 decisions (see {@link SparseHead}). A
 * step compares the incoming state with the last one to find the changed columns, then each layer
 * recomputes only: the keys and values of its changed input columns; the decisions those changes
 * can affect; the attention output of the targets whose sources changed; and the feed-forward
 * block of the columns whose post-attention value changed. A column whose layer input is bit-equal
 * to last time gets bit-equal outputs, because every column's arithmetic is done in the same
 * order as the dense engine's. In a typical Loom step only column 0, the columns it addresses
 * and the written memory cell change, so the cost is a small multiple of n per head instead of n².
 * Each layer also remembers every column's previous post-attention input and output: loom-v1's
 * idle scratchpad columns swing between two noise values (±4e−6) every step, and returning to
 * the previous input then costs a comparison instead of the feed-forward block. The first step
 * (and a step after an exception) recomputes everything.
 */
public final class SparsePass implements ForwardPass {

    private final LoomModel model;
    private final ModelShape shape;
    private final int d, n;
    private final List<SparseLayer> layers = new ArrayList<>();
    private final float[] lastInput, lastOutput;   // row-major, for change detection
    private final float[] input;                   // column-major input of the first layer
    private final ColumnSet external, dirtyA, dirtyB;
    private final int[] inputDiff, outputDiff;
    private boolean primed;

    public SparsePass(LoomModel model) {
        this.model = model;
        this.shape = ModelShape.of(model);
        this.d = shape.d();
        this.n = shape.n();
        for (Layer l : model.layers()) layers.add(new SparseLayer(l));
        lastInput = new float[d * n];
        lastOutput = new float[d * n];
        input = new float[d * n];
        external = new ColumnSet(n);
        dirtyA = new ColumnSet(n);
        dirtyB = new ColumnSet(n);
        inputDiff = new int[n];
        outputDiff = new int[n];
    }

    @Override public LoomModel model() { return model; }

    @Override public void step(float[] x) {
        shape.checkArray(x);
        boolean fresh = !primed;
        primed = false;
        ColumnSet dirty = dirtyA, next = dirtyB;
        dirty.clear();
        external.clear();
        if (fresh) {
            dirty.addRange(n);
            external.addRange(n);
        } else {
            // per column, OR over rows of the bit differences: branch-free lanes the JIT vectorises
            java.util.Arrays.fill(inputDiff, 0);
            java.util.Arrays.fill(outputDiff, 0);
            for (int r = 0, e = 0; r < d; r++, e += n) {
                for (int j = 0; j < n; j++) {
                    int bits = Float.floatToRawIntBits(x[e + j]);
                    inputDiff[j] |= bits ^ Float.floatToRawIntBits(lastInput[e + j]);
                    outputDiff[j] |= bits ^ Float.floatToRawIntBits(lastOutput[e + j]);
                }
            }
            for (int j = 0; j < n; j++) {
                if (inputDiff[j] != 0) dirty.add(j);
                if (outputDiff[j] != 0) external.add(j);
            }
        }
        for (int c = 0; c < dirty.size(); c++) {
            int j = dirty.get(c);
            for (int r = 0; r < d; r++) {
                float value = x[r * n + j];
                input[j * d + r] = value;
                lastInput[r * n + j] = value;
            }
        }
        float[] in = input;
        for (SparseLayer layer : layers) {
            next.clear();
            layer.apply(in, dirty, next, fresh);
            in = layer.y;
            ColumnSet t = dirty; dirty = next; next = t;
        }
        dirty.addAll(external);
        for (int c = 0; c < dirty.size(); c++) {
            int j = dirty.get(c);
            for (int r = 0; r < d; r++) {
                float value = in[j * d + r];
                x[r * n + j] = value;
                lastOutput[r * n + j] = value;
            }
        }
        primed = true;
    }

    /** One layer with its cached post-attention matrix a and output y (both column-major n×d). */
    private final class SparseLayer {
        final List<SparseHead> heads = new ArrayList<>();
        final Csr w1, w2;
        final float[][] b1, b2;
        final float[] a, y, attention, hidden, scratch;
        // per column, the post-attention input and output before the current ones (valid where
        // remembered), so that returning to it costs a comparison instead of the feed-forward block
        final float[] aBefore, yBefore;
        final boolean[] remembered;
        final ColumnSet touched, targets;

        SparseLayer(Layer layer) {
            for (AttentionHead h : layer.heads()) {
                SparseHead head = new SparseHead(h, d, n);
                if (head.contributes()) heads.add(head);
            }
            w1 = new Csr(layer.w1());
            w2 = new Csr(layer.w2());
            b1 = new float[][] {layer.b1().col0(), layer.b1().scratch(), layer.b1().rest()};
            b2 = new float[][] {layer.b2().col0(), layer.b2().scratch(), layer.b2().rest()};
            a = new float[n * d];
            y = new float[n * d];
            attention = new float[d];
            scratch = new float[d];
            aBefore = new float[n * d];
            yBefore = new float[n * d];
            remembered = new boolean[n];
            hidden = new float[w1.rows];
            touched = new ColumnSet(n);
            targets = new ColumnSet(n);
        }

        /** Updates a and y for input {@code in}, whose changed columns are {@code changed}; adds changed outputs to {@code out}. */
        void apply(float[] in, ColumnSet changed, ColumnSet out, boolean fresh) {
            targets.clear();
            for (SparseHead head : heads) head.update(in, changed, fresh, targets);
            touched.clear();
            touched.addAll(changed);
            touched.addAll(targets);
            if (fresh) java.util.Arrays.fill(remembered, false);
            for (int c = 0; c < touched.size(); c++) {
                int j = touched.get(c);
                attend(in, j);
                int o = j * d;
                if (fresh) {
                    System.arraycopy(attention, 0, a, o, d);
                    feedForward(j);
                    out.add(j);
                } else if (!sameBits(attention, 0, a, o)) {
                    boolean recall = remembered[j] && sameBits(attention, 0, aBefore, o);
                    // keep the current pair as the remembered one, so a column that alternates
                    // between two inputs (as Loom's idle scratchpad columns do) never recomputes
                    swap(a, aBefore, o);
                    swap(y, yBefore, o);
                    if (!recall) {
                        remembered[j] = true;
                        System.arraycopy(attention, 0, a, o, d);
                        feedForward(j);
                    }
                    if (!sameBits(y, o, yBefore, o)) out.add(j);
                }
            }
        }

        private boolean sameBits(float[] x, int xo, float[] z, int zo) {
            for (int r = 0; r < d; r++)
                if (Float.floatToRawIntBits(x[xo + r]) != Float.floatToRawIntBits(z[zo + r])) return false;
            return true;
        }

        private void swap(float[] x, float[] z, int o) {
            System.arraycopy(x, o, scratch, 0, d);
            System.arraycopy(z, o, x, o, d);
            System.arraycopy(scratch, 0, z, o, d);
        }

        /** attention = in[j] + Σ heads' outputs at j, in the dense engine's order. */
        private void attend(float[] in, int j) {
            java.util.Arrays.fill(attention, 0f);
            for (SparseHead head : heads) {
                int[] rows = head.valueRows();
                int vr = head.valueRowCount(), o = j * vr;
                for (int c = 0; c < vr; c++) attention[rows[c]] += head.out[o + c];
            }
            int o = j * d;
            for (int r = 0; r < d; r++) attention[r] = in[o + r] + attention[r];
        }

        /** y[j] = a[j] + W2·ReLU(W1·a[j] + b1) + b2 with column j's zone biases. */
        private void feedForward(int j) {
            int zone = shape.zone(j), o = j * d;
            float[] bias1 = b1[zone], bias2 = b2[zone];
            for (int k = 0; k < hidden.length; k++) hidden[k] = AttentionRule.relu(w1.dot(k, a, o) + bias1[k]);
            for (int r = 0; r < d; r++) y[o + r] = (a[o + r] + w2.dot(r, hidden, 0)) + bias2[r];
        }
    }
}
