package tc.c.check;

/** The builtin functions: reserved names that no user function may take. */
public enum Builtin {
    ABS("abs", 1, true), MIN("min", 2, true), MAX("max", 2, true), MUL("mul", 2, true),
    SWAP("swap", 2, false), OUTPUT("output", 1, false);

    private final String cName;
    private final int arity;
    private final boolean returnsValue;

    Builtin(String cName, int arity, boolean returnsValue) {
        this.cName = cName;
        this.arity = arity;
        this.returnsValue = returnsValue;
    }

    public String cName() { return cName; }

    public int arity() { return arity; }

    public boolean returnsValue() { return returnsValue; }

    /** The builtin called {@code name}, or null. */
    public static Builtin byName(String name) {
        for (Builtin b : values()) if (b.cName.equals(name)) return b;
        return null;
    }
}
