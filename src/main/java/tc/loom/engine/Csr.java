package tc.loom.engine;

import tc.loom.transformer.SparseMatrix;

/**
 * Compressed sparse rows of a {@link SparseMatrix}, entries in ascending column order within a
 * row (the order the dense engine sums in).
 */
final class Csr {
    final int rows, cols;
    final int[] start;   // row r owns entries start[r] .. start[r+1]-1
    final int[] col;
    final float[] val;

    Csr(SparseMatrix m) {
        rows = m.rows();
        cols = m.cols();
        int[] ri = m.rowIndex();
        col = m.colIndex();
        val = m.values();
        start = new int[rows + 1];
        for (int r : ri) start[r + 1]++;
        for (int r = 0; r < rows; r++) start[r + 1] += start[r];
    }

    /** Rows with at least one entry. */
    int[] nonEmptyRows() {
        int count = 0;
        for (int r = 0; r < rows; r++) if (start[r + 1] > start[r]) count++;
        int[] out = new int[count];
        count = 0;
        for (int r = 0; r < rows; r++) if (start[r + 1] > start[r]) out[count++] = r;
        return out;
    }

    /** Σ_k M[r,k]·x[k] over row r's entries, from +0 in ascending k; x is one column (length cols). */
    float dot(int r, float[] x, int offset) {
        float acc = 0f;
        for (int e = start[r]; e < start[r + 1]; e++) acc += val[e] * x[offset + col[e]];
        return acc;
    }

    boolean isEmpty() { return val.length == 0; }

    /**
     * cache[j·count + c] = row (rows[c], or c when rows is null) of this matrix times column j of
     * the column-major {@code in} (d rows per column), mirrored into the row-major
     * {@code transposed} (n columns) when given; whether any value's bits changed.
     */
    boolean project(int[] rows, float[] in, int d, int n, int j, float[] cache, float[] transposed, int count) {
        boolean changed = false;
        int o = j * count;
        for (int c = 0; c < count; c++) {
            float value = dot(rows == null ? c : rows[c], in, j * d);
            if (Float.floatToRawIntBits(value) != Float.floatToRawIntBits(cache[o + c])) {
                cache[o + c] = value;
                if (transposed != null) transposed[c * n + j] = value;
                changed = true;
            }
        }
        return changed;
    }
}
