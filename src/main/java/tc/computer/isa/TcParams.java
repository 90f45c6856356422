package tc.computer.isa;

/**
 * The 112 real parameters of one instruction, and how discrete instructions map to them.
 *
 * <pre>
 *   [0, 32)    opcode logits, one per {@link TcOp} ordinal   → softmax(logits / τ)
 *   [32, 48)   rd logits, one per register                    → softmax(logits / τ)
 *   [48, 64)   rs1 logits                                     → softmax(logits / τ)
 *   [64, 80)   rs2 logits                                     → softmax(logits / τ)
 *   [80, 112)  immediate bit logits, bit 0 (LSB) first        → b_i = σ(logit_i / τ)
 * </pre>
 *
 * The immediate's value is the two's-complement reading of the soft bits,
 * {@code Σ_{i<31} b_i·2^i − b_31·2^31}; its jump target is a distribution over the slots, slot k
 * having probability {@code Π_{i<pcBits} (bit i of k ? b_i : 1 − b_i)}. Both are exact when every
 * b_i is 0 or 1.
 */
public final class TcParams {
    private TcParams() {}

    public static final int OPCODE = 0, RD = 32, RS1 = 48, RS2 = 64, IMM = 80;
    public static final int PER_INSTRUCTION = 112;
    public static final int IMM_BITS = 32;

    /**
     * One-hot parameters for {@code ins}: the chosen logit is {@code +scale}, the others
     * {@code −scale}; immediate bits are ±scale.
     */
    public static double[] encode(TcInstruction ins, double scale) {
        double[] p = new double[PER_INSTRUCTION];
        java.util.Arrays.fill(p, 0, IMM, -scale);
        p[OPCODE + ins.op().ordinal()] = scale;
        p[RD + ins.rd()] = scale;
        p[RS1 + ins.rs1()] = scale;
        p[RS2 + ins.rs2()] = scale;
        for (int i = 0; i < IMM_BITS; i++) p[IMM + i] = ((ins.imm() >>> i) & 1) != 0 ? scale : -scale;
        return p;
    }

    /** Parameters for a whole program, instruction k at offset 112·k; slots past the code hold HALT. */
    public static double[] encode(TcProgram program, double scale) {
        int slots = program.spec().slots();
        double[] p = new double[slots * PER_INSTRUCTION];
        for (int k = 0; k < slots; k++) System.arraycopy(encode(program.at(k), scale), 0, p, k * PER_INSTRUCTION, PER_INSTRUCTION);
        return p;
    }

    /**
     * The most likely discrete instruction (argmax of each group, immediate bits by sign). Fields
     * the opcode does not use are dropped to 0. This is how a learned program is crystallised.
     */
    public static TcInstruction decode(double[] params, int offset) {
        TcOp op = TcOp.of(argmax(params, offset + OPCODE, TcOp.COUNT));
        var s = op.shape();
        int rd = s.rd ? argmax(params, offset + RD, TcMachineSpec.REGISTERS) : 0;
        int rs1 = s.rs1 ? argmax(params, offset + RS1, TcMachineSpec.REGISTERS) : 0;
        int rs2 = s.rs2 ? argmax(params, offset + RS2, TcMachineSpec.REGISTERS) : 0;
        int imm = 0;
        if (s.imm) for (int i = 0; i < IMM_BITS; i++) if (params[offset + IMM + i] > 0) imm |= 1 << i;
        return new TcInstruction(op, rd, rs1, rs2, imm);
    }

    /** Lowest index among equal maxima, so decoding is deterministic. */
    static int argmax(double[] p, int from, int count) {
        int best = 0;
        for (int i = 1; i < count; i++) if (p[from + i] > p[from + best]) best = i;
        return best;
    }
}
