package tc.loom.isa;

/**
 * One instruction as the machine stores it: three unsigned ℓ-bit fields. Memory operands are
 * absolute columns ({@code s + index}) and jump targets are absolute columns
 * ({@code s + m + instructionIndex}), exactly as in Loom's ROM.
 */
public record Instruction(int a, int b, int c) {
    public Instruction {
        if (a < 0 || b < 0 || c < 0) throw new IllegalArgumentException("negative instruction field");
    }

    public static Instruction of(Opcode op, int b, int c) {
        if (op == Opcode.SUBLEQ) throw new IllegalArgumentException("SUBLEQ is encoded by its a operand");
        return new Instruction(op.number(), b, c);
    }

    public static Instruction subleq(int aColumn, int bColumn, int target) {
        return new Instruction(aColumn, bColumn, target);
    }

    /** The operation this instruction performs under {@code config}, or null if it is undefined (21 ≤ a < s). */
    public Opcode opcode(MachineConfig config) {
        if (a >= config.s()) return Opcode.SUBLEQ;
        return Opcode.byNumber(a).orElse(null);
    }
}
