package tc.computer.isa;

/**
 * The sizes of one Tensor Computer: memory words and instruction slots, both powers of two so that
 * addresses and jump targets wrap instead of faulting (the soft machine has no way to fault, so the
 * discrete one does not either).
 *
 * <ul>
 *   <li>A memory address is {@code value mod memoryWords} (the low {@link #addressBits()} bits).</li>
 *   <li>A jump, CALL or RET target is {@code value mod slots} (the low {@link #pcBits()} bits);
 *       {@code PC + 1} wraps the same way. Slots beyond the program hold HALT.</li>
 *   <li>The stack pointer is register {@link #SP} (r15), initially {@code memoryWords}; the stack
 *       grows down.</li>
 * </ul>
 */
public record TcMachineSpec(int memoryWords, int slots) {
    public static final int REGISTERS = 16;
    /** The stack pointer register used by PUSH, POP, CALL and RET. */
    public static final int SP = 15;
    public static final TcMachineSpec DEFAULT = new TcMachineSpec(256, 64);

    public TcMachineSpec {
        if (Integer.bitCount(memoryWords) != 1 || memoryWords < 2 || memoryWords > (1 << 20))
            throw new IllegalArgumentException("memory words must be a power of two in 2..2^20, got " + memoryWords);
        if (Integer.bitCount(slots) != 1 || slots < 1 || slots > (1 << 16))
            throw new IllegalArgumentException("instruction slots must be a power of two in 1..65536, got " + slots);
    }

    public int addressBits() { return Integer.numberOfTrailingZeros(memoryWords); }

    public int pcBits() { return Integer.numberOfTrailingZeros(slots); }

    public int address(long value) { return (int) (value & (memoryWords - 1)); }

    public int target(long value) { return (int) (value & (slots - 1)); }

    /** The smallest spec with this memory whose slots hold {@code instructions} instructions. */
    public static TcMachineSpec fitting(int memoryWords, int instructions) {
        int slots = 1;
        while (slots < instructions) slots <<= 1;
        return new TcMachineSpec(memoryWords, slots);
    }
}
