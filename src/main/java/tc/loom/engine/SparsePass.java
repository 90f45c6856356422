package tc.loom.engine;

import tc.loom.transformer.LoomModel;

/**
 * The sparse exact engine: {@link IncrementalPass} with heads that keep every source's top-2
 * decision and repair only the decisions a changed key can affect ({@link SparseHead}). It gives
 * the dense engine's state bit for bit; {@link FastPass} finds the same decisions through an
 * index and is the faster of the two at large n.
 */
public final class SparsePass extends IncrementalPass {

    public SparsePass(LoomModel model) {
        super(model, h -> new SparseHead(h, ModelShape.of(model).d(), ModelShape.of(model).n()));
    }
}
