package tc.loom.engine;

import java.util.function.Function;
import tc.loom.transformer.LoomModel;

/** The ways to execute a model, each a fresh {@link ForwardPass} per run. */
public enum PassKind {
    /** Dense float32 over all columns; the yardstick. */
    DENSE(DensePass::new, false),
    /** Sparse and incremental; equal to DENSE bit for bit and much faster. */
    SPARSE(SparsePass::new, false),
    /** Incremental with an index over attention keys; equal to DENSE bit for bit and the fastest. */
    FAST(FastPass::new, false),
    /** The paper's softmax attention at λ = 10; an approximation, for study. */
    SOFTMAX(SoftmaxPass::new, true),
    /** The step exported as an ONNX graph and run by ONNX Runtime (docs/onnx.md); equal to SPARSE bit for bit. */
    ONNX(OnnxPass::new, false);

    private final Function<LoomModel, ForwardPass> factory;

    private final boolean approximate;

    PassKind(Function<LoomModel, ForwardPass> factory, boolean approximate) {
        this.factory = factory;
        this.approximate = approximate;
    }

    /** Whether its results may differ from the weights' exact argmax computation by design. */
    public boolean approximate() { return approximate; }

    public ForwardPass create(LoomModel model) { return factory.apply(model); }
}
