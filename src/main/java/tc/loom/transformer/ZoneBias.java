package tc.loom.transformer;

import java.util.Arrays;

/**
 * A per-column bias that takes one of three values per row, by column zone (REFERENCE.md §2.1.4):
 * column 0, the scratchpad columns 1..s−1, and every column from s on.
 */
public record ZoneBias(float[] col0, float[] scratch, float[] rest) {
    public ZoneBias {
        if (col0.length != scratch.length || col0.length != rest.length) throw new IllegalArgumentException("zone lengths differ");
        col0 = col0.clone();
        scratch = scratch.clone();
        rest = rest.clone();
    }

    public static ZoneBias zeros(int rows) { return new ZoneBias(new float[rows], new float[rows], new float[rows]); }

    public int rows() { return col0.length; }

    /** The bias of row {@code r} at column {@code j} for scratchpad width {@code s}. */
    public float at(int r, int j, int s) { return j == 0 ? col0[r] : j < s ? scratch[r] : rest[r]; }

    @Override public float[] col0() { return col0.clone(); }
    @Override public float[] scratch() { return scratch.clone(); }
    @Override public float[] rest() { return rest.clone(); }

    @Override public boolean equals(Object o) {
        return o instanceof ZoneBias z && Arrays.equals(col0, z.col0) && Arrays.equals(scratch, z.scratch) && Arrays.equals(rest, z.rest);
    }

    @Override public int hashCode() { return Arrays.hashCode(col0) + 31 * Arrays.hashCode(scratch) + 961 * Arrays.hashCode(rest); }
}
