package tc.loom.engine;

import java.util.function.Function;
import tc.loom.transformer.LoomModel;

/** The ways to execute a model, each a fresh {@link ForwardPass} per run. */
public enum PassKind {
    /** Dense float32 over all columns; the yardstick. */
    DENSE(DensePass::new),
    /** Sparse and incremental; equal to DENSE bit for bit and much faster. */
    SPARSE(SparsePass::new),
    /** The paper's softmax attention at λ = 10; an approximation, for study. */
    SOFTMAX(SoftmaxPass::new);

    private final Function<LoomModel, ForwardPass> factory;

    PassKind(Function<LoomModel, ForwardPass> factory) { this.factory = factory; }

    public ForwardPass create(LoomModel model) { return factory.apply(model); }
}
