package tc.loom.transformer;

import java.util.List;

/**
 * One looped-transformer layer: {@code A = X + Σ heads(X)}, then
 * {@code Y = A + W2·ReLU(W1·A + b1) + b2} with zone biases.
 *
 * @param name  e.g. "L4 subtract"
 * @param heads attention heads (may be empty)
 * @param w1    hidden × d
 * @param b1    hidden rows
 * @param w2    d × hidden
 * @param b2    d rows
 */
public record Layer(String name, List<AttentionHead> heads, SparseMatrix w1, ZoneBias b1, SparseMatrix w2, ZoneBias b2) {
    public Layer {
        heads = List.copyOf(heads);
    }

    public int hiddenRows() { return w1.rows(); }
}
