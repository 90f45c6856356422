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
    public enum Kind {
        GLOBAL, LOCAL, PARAM, TEMP, CONSTANT, RESERVED, STACK;

        /** The kinds as the file formats write them, for error messages: "global, local, …". */
        public static String names() {
            return String.join(", ", java.util.Arrays.stream(values()).map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).toList());
        }
    }

    /** {@code function.name}, or the plain name for a global: unique within a program. */
    public String qualifiedName() { return function == null ? name : function + "." + name; }

    public boolean isArray() { return size > 1 || kind == Kind.STACK; }

    /** Whether {@code tc run} reports it as one of "main's variables": globals and main's locals. */
    public boolean isUserVisible() {
        return kind == Kind.GLOBAL || ((kind == Kind.LOCAL || kind == Kind.PARAM) && "main".equals(function));
    }
}
