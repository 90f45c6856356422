package tc.loom.engine;

import tc.loom.state.StateMatrix;
import tc.loom.transformer.LoomModel;

/**
 * One forward pass of a {@link LoomModel} (all its layers) on a state matrix: one instruction.
 * This is not an engine: Loom has one idea of an engine, {@link Engine} (a program in, a
 * {@link RunResult} out). The transformer engines {@code dense}, {@code sparse} and
 * {@code softmax} are one {@link TransformerEngine} each, running passes of the matching
 * {@link PassKind}. A pass computes from the weight matrices only; halting is the host's business
 * ({@link TransformerRunner}).
 *
 * <p>Passes may keep caches between calls, so one instance serves one run at a time (not
 * thread-safe). They stay correct when the caller edits the state between steps.
 */
public sealed interface ForwardPass permits DensePass, IncrementalPass, SoftmaxPass, OnnxPass {

    LoomModel model();

    /** One instruction, in place, on a row-major d×n float32 array (index = row·n + column). */
    void step(float[] x);

    /**
     * One instruction on the state this pass's previous step left in {@code x}, not edited since
     * (the first call may take any state). Passes may skip finding what changed; the default is
     * {@link #step(float[])}.
     */
    default void stepNext(float[] x) { step(x); }

    /**
     * Tells {@code each} every column the last step wrote (a superset of the columns whose values
     * changed), and returns true; or returns false when this pass does not know them (the
     * default), and then any column may have changed.
     */
    default boolean columnsWritten(java.util.function.IntConsumer each) { return false; }

    /** One instruction, in place. */
    default void step(StateMatrix x) {
        ModelShape.of(model()).checkState(x);
        step(x.data());
    }
}
