package tc.c.check;

/**
 * The types a value has in the subset: an int, or a pointer to int (an address, one word).
 * Arrays are not values: a one-dimensional array's name, used as a value, is the address of its
 * first element, as in C; a row {@code g[i]} of a two-dimensional array is the address of its first element.
 */
public enum CType {
    INT("an int"), POINTER("a pointer");

    private final String described;

    CType(String described) { this.described = described; }

    /** "an int", "a pointer": how diagnostics name the type. */
    public String described() { return described; }
}
