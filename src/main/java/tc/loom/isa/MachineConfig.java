package tc.loom.isa;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a Loom machine: {@code s} scratchpad columns, {@code m} memory cells, {@code n}
 * columns in all (so {@code n - s - m} instruction slots) and {@code N}-bit data words.
 * ℓ = log2 n is the width of an address field and d = 9ℓ + 8N + 1 the number of state rows.
 */
public record MachineConfig(int s, int m, int n, int wordBits) {

    /** The paper's three configurations, by their d×n names (REFERENCE.md §1.1). */
    public static final Map<String, MachineConfig> NAMED;
    static {
        Map<String, MachineConfig> named = new LinkedHashMap<>();
        named.put("146x512", new MachineConfig(32, 160, 512, 8));
        named.put("155x1024", new MachineConfig(32, 64, 1024, 8));
        named.put("164x2048", new MachineConfig(32, 224, 2048, 8));
        NAMED = java.util.Collections.unmodifiableMap(named);
    }

    public MachineConfig {
        if (n < 64 || Integer.bitCount(n) != 1 || n > (1 << 16))
            throw new IllegalArgumentException("n must be a power of two between 64 and 65536, got " + n);
        if (s != 32) throw new IllegalArgumentException("s must be 32 (Loom's opcode space), got " + s);
        if (wordBits != 8 && wordBits != 16) throw new IllegalArgumentException("word bits must be 8 or 16, got " + wordBits);
        if (m < 1) throw new IllegalArgumentException("m must be at least 1, got " + m);
        // A pointer is an unsigned N-bit word; it must name every cell and also one past the last,
        // so that a stack push past the end faults instead of wrapping round to cell 0.
        if (m >= (1 << wordBits))
            throw new IllegalArgumentException("m = " + m + " is too large for " + wordBits
                    + "-bit pointers: at most " + ((1 << wordBits) - 1) + " cells");
        if (s + m >= n) throw new IllegalArgumentException("s + m = " + (s + m) + " leaves no instruction slot in n = " + n);
    }

    /** Parses a configuration name ({@code 146x512}…) or a custom {@code s,m,n,N} list. */
    public static MachineConfig parse(String text) {
        MachineConfig named = NAMED.get(text.trim());
        if (named != null) return named;
        String[] parts = text.split(",");
        if (parts.length != 4)
            throw new IllegalArgumentException("unknown configuration '" + text + "': use one of "
                    + String.join(", ", NAMED.keySet()) + " or s,m,n,N");
        try {
            return new MachineConfig(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                    Integer.parseInt(parts[2].trim()), Integer.parseInt(parts[3].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration '" + text + "' is not four integers s,m,n,N");
        }
    }

    /** The same machine with another word width (named configurations are 8-bit). */
    public MachineConfig withWordBits(int bits) { return new MachineConfig(s, m, n, bits); }

    /** ℓ: bits per address field. */
    public int addressBits() { return Integer.numberOfTrailingZeros(n); }

    /** d: rows of the state matrix. */
    public int rows() { return 9 * addressBits() + 8 * wordBits + 1; }

    public int instructionSlots() { return n - s - m; }

    /** Column of memory cell 0. */
    public int memoryStart() { return s; }

    /** Column of instruction 0, where execution starts. */
    public int programStart() { return s + m; }

    /** The d×n name for named shapes, else {@code s,m,n,N}. */
    public String name() {
        for (var e : NAMED.entrySet()) if (e.getValue().equals(this)) return e.getKey();
        return s + "," + m + "," + n + "," + wordBits;
    }

    public static List<MachineConfig> namedInOrder() { return List.copyOf(NAMED.values()); }

    @Override public String toString() { return name() + " (s=" + s + ", m=" + m + ", n=" + n + ", N=" + wordBits + ")"; }
}
