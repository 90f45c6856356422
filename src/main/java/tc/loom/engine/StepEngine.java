package tc.loom.engine;

import tc.loom.state.StateMatrix;
import tc.loom.transformer.LoomModel;

/**
 * Runs one forward pass of a {@link LoomModel} (all its layers) on a state matrix: one
 * instruction. Engines compute from the weight matrices only; halting is the host's business
 * ({@link TransformerRunner}).
 *
 * <p>Engines may keep caches between calls, so one instance serves one run at a time (not
 * thread-safe). They stay correct when the caller edits the state between steps.
 */
public sealed interface StepEngine permits DenseEngine, SparseEngine, SoftmaxEngine {

    LoomModel model();

    /** One instruction, in place, on a row-major d×n float32 array (index = row·n + column). */
    void step(float[] x);

    /** One instruction, in place. */
    default void step(StateMatrix x) {
        ModelShape.of(model()).checkState(x);
        step(x.data());
    }
}
