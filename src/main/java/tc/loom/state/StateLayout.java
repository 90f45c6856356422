package tc.loom.state;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tc.loom.isa.MachineConfig;

/**
 * Where everything lives in Loom's state matrix X ∈ R^{d×n} (REFERENCE.md §1.2–1.3): the rows of
 * each named region and the three column zones (scratchpad, memory, instruction ROM).
 *
 * <p>The regions are stacked in the order of {@link Region}, so the layout follows from ℓ = log2 n
 * and the word width N alone; d = 9ℓ + 8N + 1. Every multi-row field is a bit vector stored
 * MSB first (see {@link Bipolar}).
 */
public final class StateLayout {

    /** The row regions, top to bottom. */
    public enum Region {
        /** Instruction encoding, in ROM columns: a [0,ℓ), b [ℓ,2ℓ), c [2ℓ,3ℓ). */
        CMDS(3, 0),
        /** The stored word, in memory columns. */
        MEMORY(0, 1),
        /** Column 0: the subtrahend; its first row doubles as the branch flag. */
        SCR_SUB(0, 1),
        /** Column 0: the minuend, then the result R. */
        SCR_MIN(0, 1),
        /** Column 0: the decoded instruction (a, b, c fields like {@link #CMDS}). */
        SCRATCH_CMD(3, 0),
        /** Column 0: the program counter, an absolute column. */
        PC(1, 0),
        /** Column j ≥ 1: bipolar(j); column 0 is all zero so that its self-score ties. */
        POS_ENC(1, 0),
        BUF_A(0, 1),
        BUF_B(0, 1),
        BUF_C(0, 1),
        /** FIND's query; SWAP's second write. */
        FIND_TEMP(0, 1),
        /** LOAD's target position code. */
        LOAD_TEMP(1, 0),
        /** Memory column s+i: bipolar(i mod 2^N), the value FIND returns. */
        TAG(0, 1),
        /** 1.0 in the scratchpad columns 0..s−1, 0.0 elsewhere. */
        INDICATOR(0, 0),
        // The regions below exist only in the exact profile's layout (docs/transformer.md, "exact").
        /** Column 0, L1→L2: +1 when a ≥ s (SUBLEQ), −1 otherwise. */
        MODE(0, 0, true),
        /** Column 0, L2→L6: 1 when a LOAD/STORE pointer is ≥ m. */
        FAULT(0, 0, true),
        /** Column 0, L2→L3: 1 during FIND, so that only FIND's search head sees column 0. */
        FIND_GATE(0, 0, true),
        /** Constant: 1.0 in memory columns, 0.0 elsewhere. */
        MEM_IND(0, 0, true),
        /** Constant: 2m − i in memory column s+i, so that earlier cells win ties in L0. */
        PRIO(0, 0, true),
        /** Memory column: 1 when an earlier cell holds the same word (recomputed by L0 every step). */
        SHADOW(0, 0, true),
        /** Column 0: LOAD's pointer (±1 bits) in L2→L3; all memory columns: STORE's staged write in L5. */
        ADDR_Q(0, 1, true),
        /** Column 0, L2→L5: STORE's pointer (±1 bits). */
        STORE_Q(0, 1, true);

        private final int perAddressBit;
        private final int perWordBit;
        private final boolean exactOnly;

        Region(int perAddressBit, int perWordBit) { this(perAddressBit, perWordBit, false); }

        Region(int perAddressBit, int perWordBit, boolean exactOnly) {
            this.perAddressBit = perAddressBit;
            this.perWordBit = perWordBit;
            this.exactOnly = exactOnly;
        }

        /** Whether only the exact profile's layout has this region. */
        public boolean exactOnly() { return exactOnly; }

        int height(int addressBits, int wordBits) {
            int h = perAddressBit * addressBits + perWordBit * wordBits;
            return h == 0 ? 1 : h;
        }

        /** Lower-case name as in the reference (cmds, memory, scr_sub…). */
        public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** A run of rows: {@code first} … {@code first + count − 1}. */
    public record Rows(Region region, int first, int count) {
        /** One past the last row. */
        public int end() { return first + count; }

        /** Row of bit {@code offset} counted from the most significant bit. */
        public int row(int offset) {
            if (offset < 0 || offset >= count) throw new IndexOutOfBoundsException(region + " has " + count + " rows, not " + offset);
            return first + offset;
        }

        /** A sub-range of {@code length} rows starting {@code offset} rows down. */
        public Rows slice(int offset, int length) {
            if (offset < 0 || length < 0 || offset + length > count) throw new IndexOutOfBoundsException("slice outside " + region);
            return new Rows(region, first + offset, length);
        }
    }

    private final MachineConfig config;
    private final int addressBits;
    private final int wordBits;
    private final Map<Region, Rows> rows = new EnumMap<>(Region.class);
    private final int d;
    private final boolean exact;

    private StateLayout(MachineConfig config, boolean exact) {
        this.config = config;
        this.exact = exact;
        this.addressBits = config.addressBits();
        this.wordBits = config.wordBits();
        int next = 0;
        for (Region r : Region.values()) {
            if (r.exactOnly() && !exact) continue;
            int h = r.height(addressBits, wordBits);
            rows.put(r, new Rows(r, next, h));
            next += h;
        }
        this.d = next;
        if (!exact && d != config.rows()) throw new IllegalStateException("layout has " + d + " rows, config says " + config.rows());
    }

    /** Loom's layout (REFERENCE.md §1.2): d = 9ℓ + 8N + 1. */
    public static StateLayout of(MachineConfig config) { return new StateLayout(config, false); }

    /** The exact profile's layout: Loom's rows, then the exact-only regions (d = 9ℓ + 10N + 7). */
    public static StateLayout exact(MachineConfig config) { return new StateLayout(config, true); }

    /** Whether this is the exact profile's layout. */
    public boolean isExact() { return exact; }

    public boolean has(Region region) { return rows.containsKey(region); }

    public MachineConfig config() { return config; }

    /** d: rows of the matrix. */
    public int rows() { return d; }

    /** n: columns of the matrix. */
    public int columns() { return config.n(); }

    /** ℓ: bits of an address field. */
    public int addressBits() { return addressBits; }

    /** N: bits of a data word. */
    public int wordBits() { return wordBits; }

    public Rows rows(Region region) {
        Rows r = rows.get(region);
        if (r == null) throw new IllegalArgumentException("the " + (exact ? "exact" : "loom-v1") + " layout has no region " + region.key());
        return r;
    }

    /** All regions, top to bottom. */
    public List<Rows> regions() { return List.copyOf(rows.values()); }

    /** The {@code a} (opcode) field of the instruction rows. */
    public Rows cmdA() { return rows(Region.CMDS).slice(0, addressBits); }

    public Rows cmdB() { return rows(Region.CMDS).slice(addressBits, addressBits); }

    public Rows cmdC() { return rows(Region.CMDS).slice(2 * addressBits, addressBits); }

    /** The column where the PC and all the work live. */
    public int pcColumn() { return 0; }

    /** Column of memory cell {@code index}. */
    public int memoryColumn(int index) {
        if (index < 0 || index >= config.m()) throw new IndexOutOfBoundsException("memory index " + index + " outside 0.." + (config.m() - 1));
        return config.s() + index;
    }

    /** Column of instruction {@code k}. */
    public int instructionColumn(int k) {
        if (k < 0 || k >= config.instructionSlots())
            throw new IndexOutOfBoundsException("instruction " + k + " outside 0.." + (config.instructionSlots() - 1));
        return config.programStart() + k;
    }

    public boolean isScratchpadColumn(int column) { return column >= 0 && column < config.s(); }

    public boolean isMemoryColumn(int column) { return column >= config.s() && column < config.programStart(); }

    public boolean isInstructionColumn(int column) { return column >= config.programStart() && column < config.n(); }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder("StateLayout " + d + "x" + config.n() + ":");
        for (Rows r : rows.values()) sb.append(' ').append(r.region().key()).append('=').append(r.first()).append('+').append(r.count());
        return sb.toString();
    }
}
