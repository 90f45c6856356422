package tc.ir;

import java.util.Arrays;
import tc.source.SourcePos;

/**
 * A storage location: a global, a function's parameter or local, or a compiler temporary.
 * Identity matters, not the name: two block-scoped locals called {@code x} are two variables.
 * Arrays are variables declared with brackets; they are only read and written through
 * {@link Instr.LoadElem} and {@link Instr.StoreElem} (a constant index is an {@link Imm}).
 */
public final class Var implements Operand {
    public enum Kind { GLOBAL, PARAM, LOCAL, TEMP }

    private final int id;
    private final String name;
    private final Kind kind;
    private final String function;
    private final int size;
    private final boolean array;
    private final int[] init;
    private final SourcePos pos;

    /**
     * @param id       unique within the program
     * @param name     source name (temps: {@code t<n>})
     * @param kind     storage class
     * @param function owning function, null for globals
     * @param size     cells (1 for scalars)
     * @param array    declared with brackets
     * @param init     initial memory contents (length {@code size}) for globals, and for locals the
     *                 front end proved are initialised exactly once from the memory image (main's
     *                 top-level declarations); null for variables initialised by instructions
     * @param pos      declaration position (null or NONE for temps)
     */
    public Var(int id, String name, Kind kind, String function, int size, boolean array, int[] init, SourcePos pos) {
        if (size < 1) throw new IllegalArgumentException("size < 1");
        if (init != null && init.length != size) throw new IllegalArgumentException("init length != size");
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.function = function;
        this.size = size;
        this.array = array;
        this.init = init == null ? null : init.clone();
        this.pos = pos == null ? SourcePos.NONE : pos;
    }

    public int id() { return id; }
    public String name() { return name; }
    public Kind kind() { return kind; }
    public String function() { return function; }
    public int size() { return size; }
    public boolean isArray() { return array; }
    /** Where it was declared ({@link SourcePos#NONE} for temporaries). */
    public SourcePos pos() { return pos; }

    /** Initial contents from the memory image, or null if instructions initialise it. */
    public int[] init() { return init == null ? null : init.clone(); }

    public boolean hasStaticInit() { return init != null; }

    @Override public String toString() {
        return kind == Kind.TEMP ? "%" + name : name + (kind == Kind.GLOBAL ? "" : "." + id);
    }

    @Override public boolean equals(Object o) { return this == o; }

    @Override public int hashCode() { return Integer.hashCode(id); }

    /** For debugging output. */
    public String describe() {
        return kind + " " + name + (array ? "[" + size + "]" : "") + (init != null ? " = " + Arrays.toString(init) : "");
    }
}
