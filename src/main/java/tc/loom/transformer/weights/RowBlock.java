package tc.loom.transformer.weights;

/**
 * A run of FFN hidden rows with one purpose, e.g. "ADD: +1 carry into bit 3".
 *
 * @param purpose what the rows compute, in the words of REFERENCE.md §2
 * @param first   first hidden row
 * @param count   number of rows; unused (all-zero or gate-only) rows form their own blocks
 */
public record RowBlock(String purpose, int first, int count) {
    /** One past the last row. */
    public int end() { return first + count; }

    public boolean contains(int row) { return row >= first && row < end(); }
}
