package tc.loom.engine;

import java.util.function.Function;
import tc.loom.transformer.LoomModel;

/** The ways to execute a model, each a fresh {@link StepEngine} per run. */
public enum EngineKind {
    /** Dense float32 over all columns; the yardstick. */
    DENSE(DenseEngine::new),
    /** Sparse and incremental; equal to DENSE bit for bit and much faster. */
    SPARSE(SparseEngine::new),
    /** The paper's softmax attention at λ = 10; an approximation, for study. */
    SOFTMAX(SoftmaxEngine::new);

    private final Function<LoomModel, StepEngine> factory;

    EngineKind(Function<LoomModel, StepEngine> factory) { this.factory = factory; }

    public StepEngine create(LoomModel model) { return factory.apply(model); }
}
