package tc.loom.isa;

import java.util.Locale;
import java.util.Optional;

/**
 * Loom's extended opcodes (REFERENCE.md §3.1). An instruction (a, b, c) whose {@code a} field is
 * one of these numbers runs that operation; an {@code a} at or above the first memory column
 * selects SUBLEQ with {@code a} as its subtrahend operand ({@link #SUBLEQ} has no number of its own).
 */
public enum Opcode {
    HALT(0, Operands.NONE), MOV(1, Operands.B_C), ADD(2, Operands.B_C), JMP(3, Operands.JUMP),
    JZ(4, Operands.B_JUMP), JNZ(5, Operands.B_JUMP), INC(6, Operands.B), DEC(7, Operands.B),
    SHL(8, Operands.B), SHR(9, Operands.B), CMP(10, Operands.B_JUMP), LOAD(11, Operands.B_C),
    AND(12, Operands.B_C), OR(13, Operands.B_C), XOR(14, Operands.B_C), SUB(15, Operands.B_C),
    FIND(16, Operands.B_C), SWAP(17, Operands.B_C), CMOV(18, Operands.B_C), MULACC(19, Operands.B_C),
    STORE(20, Operands.B_C),
    /** mem[b] -= mem[a]; jump to c if the result is ≤ 0. Encoded by a ≥ s. */
    SUBLEQ(-1, Operands.A_B_JUMP);

    /** Which of the fields b and c an opcode reads, and whether c is a jump target. */
    public enum Operands { NONE, B, B_C, JUMP, B_JUMP, A_B_JUMP }

    /** Number of opcodes with a number of their own (HALT..STORE). */
    public static final int EXTENDED_COUNT = 21;

    private static final Opcode[] BY_NUMBER = new Opcode[EXTENDED_COUNT];
    static {
        for (Opcode op : values()) if (op.number >= 0) BY_NUMBER[op.number] = op;
    }

    private final int number;
    private final Operands operands;

    Opcode(int number, Operands operands) {
        this.number = number;
        this.operands = operands;
    }

    /** The value of the {@code a} field that selects this opcode; -1 for SUBLEQ. */
    public int number() { return number; }

    public Operands operands() { return operands; }

    public String mnemonic() { return name(); }

    /** True when field c is a jump target (an absolute instruction column). */
    public boolean jumps() {
        return operands == Operands.JUMP || operands == Operands.B_JUMP || operands == Operands.A_B_JUMP;
    }

    public static Optional<Opcode> byNumber(int a) {
        return a >= 0 && a < EXTENDED_COUNT ? Optional.of(BY_NUMBER[a]) : Optional.empty();
    }

    public static Optional<Opcode> byMnemonic(String name) {
        try {
            return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
