package tc.loom.transformer;

/**
 * One argmax attention head: scores S = (K·X)ᵀ(Q·X), values V·X (REFERENCE.md §2.1.2).
 * In every Loom head Q equals K.
 *
 * @param name what the head does, e.g. "L2 head b: buf_b ← mem[b]"
 */
public record AttentionHead(String name, SparseMatrix q, SparseMatrix k, SparseMatrix v) {}
