package tc.loom.isa;

/**
 * A named memory region of a compiled program, for printing results and debugging.
 *
 * @param name     the source name (shadowed block locals get a suffix such as {@code x@12})
 * @param function the function owning it, or null for globals and compiler-reserved cells
 * @param index    first memory index (logical, column = s + index)
 * @param size     number of cells (1 for scalars)
 * @param kind     what the region holds
 */
public record Symbol(String name, String function, int index, int size, Kind kind) {
    public enum Kind { GLOBAL, LOCAL, PARAM, TEMP, CONSTANT, RESERVED, STACK }

    public boolean isArray() { return size > 1 || kind == Kind.STACK; }

    /** Whether {@code tc run} reports it as one of "main's variables": globals and main's locals. */
    public boolean isUserVisible() {
        return kind == Kind.GLOBAL || ((kind == Kind.LOCAL || kind == Kind.PARAM) && "main".equals(function));
    }
}
