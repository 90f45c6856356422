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
    private final boolean pointer;
    private final int columns;
    private boolean addressTaken;
    private boolean pointeeConstant;
    private int[] init;

    VarSymbol(String name, SourcePos pos, Kind kind, String function, boolean array, int size, boolean constant) {
        this(name, pos, kind, function, array, size, constant, false, 0);
    }

    VarSymbol(String name, SourcePos pos, Kind kind, String function, boolean array, int size, boolean constant, boolean pointer, int columns) {
        this.constant = constant;
        this.pointer = pointer;
        this.columns = columns;
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
    /** A pointer to int ({@code int *p}, or an array parameter {@code int a[]}): a scalar holding an address. */
    public boolean isPointer() { return pointer; }
    /** The row length of a two-dimensional array ({@code size() / columns()} rows), 0 otherwise. */
    public int columns() { return columns; }
    public boolean isTwoDimensional() { return columns > 0; }
    /**
     * A scalar whose address {@code &} takes: it must live in memory, and a call or a store
     * through a pointer may change it (like a global).
     */
    public boolean isAddressTaken() { return addressTaken; }

    void markAddressTaken() { addressTaken = true; }

    /**
     * A pointer declared {@code const int *p} (or {@code const int a[]}): as in C, the ints it
     * points at may not be written through it, while p itself may move.
     */
    public boolean isPointeeConstant() { return pointeeConstant; }

    void markPointeeConstant() { pointeeConstant = true; }

    /** Cells: 1 for scalars. */
    public int size() { return size; }

    /** A global's initial contents (length {@link #size()}); null for other variables. */
    public int[] init() { return init == null ? null : init.clone(); }

    void setInit(int[] values) { this.init = values.clone(); }

    @Override public String toString() { return kind + " " + (pointer ? "*" : "") + name + (array ? "[" + size + "]" : ""); }
}
