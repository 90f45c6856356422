package tc.loom.engine;

import java.util.ArrayList;
import java.util.List;
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
    private final List<IncrementalLayer> layers = new ArrayList<>();
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
        for (Layer l : model.layers()) layers.add(new IncrementalLayer(l, shape, h -> new SparseHead(h, d, n)));
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
        for (IncrementalLayer layer : layers) {
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
}
