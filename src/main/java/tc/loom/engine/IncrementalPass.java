package tc.loom.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tc.loom.transformer.AttentionHead;
import tc.loom.transformer.Layer;
import tc.loom.transformer.LoomModel;

/**
 * The exact incremental step shared by {@link SparsePass} and {@link FastPass}, which differ only
 * in how a head finds its decisions ({@link SparseHead}: the top-2 kept per source and repaired;
 * {@link IndexedHead}: an index over the keys). It gives the dense engine's state bit for bit.
 *
 * <p>Between steps it remembers, for every layer, the layer's input, its post-attention matrix
 * and its output, and per head the keys, values and decisions. A step finds the changed columns,
 * then each layer recomputes only: the keys and values of its changed input columns; the
 * decisions those changes can affect; the attention output of the targets whose sources changed;
 * and the feed-forward block of the columns whose post-attention value changed
 * ({@link IncrementalLayer}). A column whose layer input is bit-equal to last time gets bit-equal
 * outputs, because every column's arithmetic is done in the same order as the dense engine's. In
 * a typical Loom step only column 0, the columns it addresses and the written memory cell change,
 * so the cost is a small multiple of n per head instead of n².
 *
 * <p>Finding the changed columns: {@link #step} accepts any state and compares it with the last
 * input and output (d·n comparisons, most of the step at n = 2048). The pass also keeps the set of
 * columns whose output differs from their input, so when the caller hands back the state the
 * previous step left ({@link #stepNext}, as {@link TransformerRunner} does) those are exactly the
 * changed input columns and a step reads and writes only them. The first step (and a step after
 * an exception) recomputes everything.
 */
abstract sealed class IncrementalPass implements ForwardPass permits SparsePass, FastPass {

    private final LoomModel model;
    private final ModelShape shape;
    private final int d, n;
    private final List<IncrementalLayer> layers = new ArrayList<>();
    private final float[] lastInput, lastOutput;   // column-major (j·d + r), like the layers' arrays
    private final float[] input;                   // column-major input of the first layer
    private final ColumnSet external, dirtyA, dirtyB, candidates;
    private ColumnSet moved, movedNext;            // columns whose last output differs from their last input
    private final boolean[] movedFlag;
    private final int[] inputDiff, outputDiff, order;
    private boolean primed, trusted;
    private ColumnSet written;                     // the columns the last step wrote
    private long steps;

    /** A pass over {@code model} whose layers get their heads from {@code headFactory}. */
    IncrementalPass(LoomModel model, Function<AttentionHead, IncrementalHead> headFactory) {
        this.model = model;
        this.shape = ModelShape.of(model);
        this.d = shape.d();
        this.n = shape.n();
        for (Layer l : model.layers()) layers.add(new IncrementalLayer(l, shape, headFactory));
        lastInput = new float[d * n];
        lastOutput = new float[d * n];
        input = new float[d * n];
        external = new ColumnSet(n);
        dirtyA = new ColumnSet(n);
        dirtyB = new ColumnSet(n);
        candidates = new ColumnSet(n);
        moved = new ColumnSet(n);
        movedNext = new ColumnSet(n);
        movedFlag = new boolean[n];
        inputDiff = new int[n];
        outputDiff = new int[n];
        order = new int[n];
    }

    @Override public final LoomModel model() { return model; }

    @Override public final void step(float[] x) {
        shape.checkArray(x);
        boolean fresh = !primed;
        primed = false;
        ColumnSet dirty = dirtyA;
        dirty.clear();
        external.clear();
        if (fresh) {
            dirty.addRange(n);
            external.addRange(n);
        } else {
            java.util.Arrays.fill(inputDiff, 0);
            java.util.Arrays.fill(outputDiff, 0);
            for (int j = 0; j < n; j++) {
                int in = 0, out = 0;
                for (int r = 0, e = j, o = j * d; r < d; r++, e += n) {
                    int bits = Float.floatToRawIntBits(x[e]);
                    in |= bits ^ Float.floatToRawIntBits(lastInput[o + r]);
                    out |= bits ^ Float.floatToRawIntBits(lastOutput[o + r]);
                }
                inputDiff[j] = in;
                outputDiff[j] = out;
            }
            for (int j = 0; j < n; j++) {
                if (inputDiff[j] != 0) dirty.add(j);
                if (outputDiff[j] != 0) external.add(j);
            }
        }
        run(x, fresh);
    }

    /**
     * One step on the state this pass's previous step left in {@code x}, unchanged since: only
     * the columns that step moved are read. If {@code x} was edited in between, use {@link #step}.
     */
    @Override public final void stepNext(float[] x) {
        if (!primed) {
            step(x);
            return;
        }
        shape.checkArray(x);
        primed = false;
        dirtyA.clear();
        dirtyA.addAll(moved);
        external.clear();
        trusted = true;
        run(x, false);
        trusted = false;
    }

    @Override public final boolean columnsWritten(java.util.function.IntConsumer each) {
        if (!primed || written == null) return false;
        for (int c = 0; c < written.size(); c++) each.accept(written.get(c));
        return true;
    }

    /** Steps run since construction. */
    public final long steps() { return steps; }

    /** Feed-forward blocks (one column through one layer's FFN) computed since construction. */
    public final long feedForwards() {
        long sum = 0;
        for (IncrementalLayer l : layers) sum += l.feedForwards;
        return sum;
    }

    /** Runs the layers on input columns {@code dirtyA} and writes back what changed. */
    private void run(float[] x, boolean fresh) {
        ColumnSet dirty = dirtyA, next = dirtyB;
        candidates.clear();
        for (int c = 0; c < dirty.size(); c++) {
            int j = dirty.get(c);
            candidates.add(j);
            int o = j * d;
            if (trusted) {
                // x's column is what the last step wrote, kept column-major in lastOutput
                System.arraycopy(lastOutput, o, input, o, d);
            } else {
                for (int r = 0; r < d; r++) input[o + r] = x[r * n + j];
            }
            System.arraycopy(input, o, lastInput, o, d);
        }
        float[] in = input;
        for (IncrementalLayer layer : layers) {
            next.clear();
            layer.apply(in, dirty, next, fresh);
            in = layer.y;
            ColumnSet t = dirty; dirty = next; next = t;
        }
        dirty.addAll(external);
        int count = dirty.size();
        for (int c = 0; c < count; c++) {
            int j = dirty.get(c);
            candidates.add(j);
            System.arraycopy(in, j * d, lastOutput, j * d, d);
            order[c] = j;
        }
        // x is row-major: row by row over the written columns in ascending order, so neighbouring
        // columns (the scratchpad's) share cache lines instead of missing once per entry
        java.util.Arrays.sort(order, 0, count);
        for (int r = 0; r < d; r++) {
            int e = r * n;
            for (int c = 0; c < count; c++) {
                int j = order[c];
                x[e + j] = in[j * d + r];
            }
        }
        trackMoved(fresh);
        written = dirty;
        primed = true;
        steps++;
    }

    /**
     * Re-derives the moved set: a column's input or output changed only if it is a candidate
     * (read or written this step), so every other column keeps its membership.
     */
    private void trackMoved(boolean fresh) {
        movedNext.clear();
        if (fresh) java.util.Arrays.fill(movedFlag, false);
        for (int c = 0; c < candidates.size(); c++) {
            int j = candidates.get(c);
            movedFlag[j] = differs(j);
        }
        for (int c = 0; c < moved.size(); c++) if (movedFlag[moved.get(c)]) movedNext.add(moved.get(c));
        for (int c = 0; c < candidates.size(); c++) if (movedFlag[candidates.get(c)]) movedNext.add(candidates.get(c));
        ColumnSet t = moved; moved = movedNext; movedNext = t;
    }

    private boolean differs(int j) {
        int diff = 0;
        for (int r = 0, o = j * d; r < d; r++) diff |= Float.floatToRawIntBits(lastInput[o + r]) ^ Float.floatToRawIntBits(lastOutput[o + r]);
        return diff != 0;
    }
}
