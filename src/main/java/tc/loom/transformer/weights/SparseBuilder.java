package tc.loom.transformer.weights;

import java.util.Map;
import java.util.TreeMap;
import tc.loom.transformer.SparseMatrix;

/**
 * Accumulates matrix entries in any order; entries written twice add up (a row may name the same
 * state row through two idioms), and entries that sum to zero vanish, as in a dense construction.
 */
public final class SparseBuilder {
    private final int rows;
    private final int cols;
    private final TreeMap<Long, Double> entries = new TreeMap<>();

    public SparseBuilder(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
    }

    public void add(int row, int col, double value) {
        if (row < 0 || row >= rows || col < 0 || col >= cols)
            throw new IndexOutOfBoundsException("entry (" + row + ", " + col + ") outside " + rows + "×" + cols);
        entries.merge((long) row * cols + col, value, Double::sum);
    }

    public SparseMatrix build() {
        int n = 0;
        int[] r = new int[entries.size()];
        int[] c = new int[entries.size()];
        float[] v = new float[entries.size()];
        for (Map.Entry<Long, Double> e : entries.entrySet()) {
            // The reference builds in float32 from exact decimal constants; rounding the double sum
            // once gives the same float (all weights are small multiples of 0.25 or k ± 0.1/0.9).
            float f = (float) e.getValue().doubleValue();
            if (f == 0f) continue;
            r[n] = (int) (e.getKey() / cols);
            c[n] = (int) (e.getKey() % cols);
            v[n++] = f;
        }
        return new SparseMatrix(rows, cols, java.util.Arrays.copyOf(r, n), java.util.Arrays.copyOf(c, n), java.util.Arrays.copyOf(v, n));
    }
}
