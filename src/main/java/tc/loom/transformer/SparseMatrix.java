package tc.loom.transformer;

import java.util.Arrays;

/**
 * A sparse float32 matrix in coordinate form, entries sorted by (row, column) with no duplicates
 * and no explicit zeros, so that two matrices built differently compare with {@link #equals}.
 */
public record SparseMatrix(int rows, int cols, int[] rowIndex, int[] colIndex, float[] values) {
    public SparseMatrix {
        if (rowIndex.length != colIndex.length || rowIndex.length != values.length)
            throw new IllegalArgumentException("COO arrays differ in length");
        for (int k = 0; k < values.length; k++) {
            if (rowIndex[k] < 0 || rowIndex[k] >= rows || colIndex[k] < 0 || colIndex[k] >= cols)
                throw new IllegalArgumentException("entry (" + rowIndex[k] + ", " + colIndex[k] + ") outside " + rows + "×" + cols);
            if (values[k] == 0f) throw new IllegalArgumentException("explicit zero at (" + rowIndex[k] + ", " + colIndex[k] + ")");
            if (k > 0 && (rowIndex[k] < rowIndex[k - 1] || (rowIndex[k] == rowIndex[k - 1] && colIndex[k] <= colIndex[k - 1])))
                throw new IllegalArgumentException("entries not sorted by (row, column) or duplicated at " + k);
        }
        rowIndex = rowIndex.clone();
        colIndex = colIndex.clone();
        values = values.clone();
    }

    public static SparseMatrix empty(int rows, int cols) { return new SparseMatrix(rows, cols, new int[0], new int[0], new float[0]); }

    public int nonZeros() { return values.length; }

    @Override public int[] rowIndex() { return rowIndex.clone(); }
    @Override public int[] colIndex() { return colIndex.clone(); }
    @Override public float[] values() { return values.clone(); }

    /** Row-major dense copy. */
    public float[] toDense() {
        float[] out = new float[rows * cols];
        for (int k = 0; k < values.length; k++) out[rowIndex[k] * cols + colIndex[k]] = values[k];
        return out;
    }

    @Override public boolean equals(Object o) {
        return o instanceof SparseMatrix m && rows == m.rows && cols == m.cols && Arrays.equals(rowIndex, m.rowIndex)
                && Arrays.equals(colIndex, m.colIndex) && Arrays.equals(values, m.values);
    }

    @Override public int hashCode() { return Arrays.hashCode(values) * 31 + rows * 7 + cols; }

    @Override public String toString() { return "SparseMatrix[" + rows + "×" + cols + ", nnz=" + values.length + "]"; }
}
