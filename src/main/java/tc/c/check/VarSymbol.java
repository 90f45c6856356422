package tc.c.check;

import tc.source.SourcePos;

/**
 * A declared variable after name resolution. Identity matters: two block-scoped variables with
 * the same name are two symbols.
 */
public final class VarSymbol {
    public enum Kind { GLOBAL, PARAM, LOCAL }

    private final String name;
    private final SourcePos pos;
    private final Kind kind;
    private final String function;
    private final boolean array;
    private final int size;
    private final boolean constant;
    private int[] init;

    VarSymbol(String name, SourcePos pos, Kind kind, String function, boolean array, int size, boolean constant) {
        this.constant = constant;
        this.name = name;
        this.pos = pos;
        this.kind = kind;
        this.function = function;
        this.array = array;
        this.size = size;
    }

    public String name() { return name; }
    public SourcePos pos() { return pos; }
    public Kind kind() { return kind; }
    /** Owning function, null for globals. */
    public String function() { return function; }
    public boolean isArray() { return array; }
    /** Declared {@code const}: only its initializer gives it a value. */
    public boolean isConstant() { return constant; }
    /** Cells: 1 for scalars. */
    public int size() { return size; }

    /** A global's initial contents (length {@link #size()}); null for other variables. */
    public int[] init() { return init == null ? null : init.clone(); }

    void setInit(int[] values) { this.init = values.clone(); }

    @Override public String toString() { return kind + " " + name + (array ? "[" + size + "]" : ""); }
}
