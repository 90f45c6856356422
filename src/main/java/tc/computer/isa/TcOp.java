package tc.computer.isa;

import java.util.Locale;

/**
 * The 32 operations of the Tensor Computer. The ordinal is the opcode: it indexes the 32 opcode
 * logits of an instruction's parameters. Each operation says which operand fields it reads, so
 * the assembler, the disassembler and the random program generator agree on the syntax.
 *
 * <p>Semantics (the discrete interpreter {@code tc.computer.interp.TcMachine} is the definition):
 * registers and memory words are 32-bit two's complement and wrap; {@code imm} is a signed 32-bit
 * value; memory addresses and jump targets wrap (see {@link TcMachineSpec}).
 */
public enum TcOp {
    /** Stop. The PC stays on the HALT. */
    HALT(Shape.NONE),
    NOP(Shape.NONE),
    /** rd ← rs1. */
    MOV(Shape.RD_RS1),
    /** rd ← imm. */
    LI(Shape.RD_IMM),
    /** rd ← rs1 + rs2; sets Z N C V. */
    ADD(Shape.RD_RS1_RS2),
    /** rd ← rs1 + imm; sets Z N C V. */
    ADDI(Shape.RD_RS1_IMM),
    /** rd ← rs1 − rs2; sets Z N C V (C = unsigned borrow). */
    SUB(Shape.RD_RS1_RS2),
    /** rd ← low 32 bits of rs1 × rs2; sets Z N. */
    MUL(Shape.RD_RS1_RS2),
    /** rd ← rs1 / rs2 truncated; x/0 = −1, MIN/−1 = MIN; sets Z N. */
    DIV(Shape.RD_RS1_RS2),
    /** rd ← rs1 % rs2 (sign of rs1); x%0 = x, MIN%−1 = 0; sets Z N. */
    MOD(Shape.RD_RS1_RS2),
    AND(Shape.RD_RS1_RS2),
    OR(Shape.RD_RS1_RS2),
    XOR(Shape.RD_RS1_RS2),
    /** rd ← ~rs1; sets Z N. */
    NOT(Shape.RD_RS1),
    /** rd ← rs1 &lt;&lt; (rs2 &amp; 31); sets Z N. */
    SHL(Shape.RD_RS1_RS2),
    /** Logical right shift by rs2 &amp; 31; sets Z N. */
    SHR(Shape.RD_RS1_RS2),
    /** Arithmetic right shift by rs2 &amp; 31; sets Z N. */
    SRA(Shape.RD_RS1_RS2),
    /** Flags from rs1 − rs2 (as SUB), no register written. */
    CMP(Shape.RS1_RS2),
    /** PC ← target(imm). */
    JMP(Shape.IMM),
    /** Jump if Z. */
    JZ(Shape.IMM),
    /** Jump if not Z. */
    JNZ(Shape.IMM),
    /** Jump if N ≠ V (signed less than after CMP). */
    JLT(Shape.IMM),
    /** Jump if N = V. */
    JGE(Shape.IMM),
    /** Jump if Z or N ≠ V. */
    JLE(Shape.IMM),
    /** Jump if not Z and N = V. */
    JGT(Shape.IMM),
    /** rd ← mem[addr(rs1 + imm)]. */
    LOAD(Shape.RD_RS1_IMM),
    /** mem[addr(rs1 + imm)] ← rs2. */
    STORE(Shape.RS2_RS1_IMM),
    /** sp ← sp − 1; mem[addr(sp)] ← rs1. */
    PUSH(Shape.RS1),
    /** rd ← mem[addr(sp)]; sp ← sp + 1 (rd = sp: rd wins). */
    POP(Shape.RD),
    /** push(PC + 1); PC ← target(imm). */
    CALL(Shape.IMM),
    /** PC ← target(pop()). */
    RET(Shape.NONE),
    /** Appends rs1 to the output stream. */
    OUT(Shape.RS1);

    /** Which fields an operation reads or writes, in assembly order. */
    public enum Shape {
        NONE(false, false, false, false),
        RD(true, false, false, false),
        RS1(false, true, false, false),
        IMM(false, false, false, true),
        RD_RS1(true, true, false, false),
        RD_IMM(true, false, false, true),
        RS1_RS2(false, true, true, false),
        RD_RS1_RS2(true, true, true, false),
        RD_RS1_IMM(true, true, false, true),
        /** STORE: {@code STORE rs2, imm(rs1)}. */
        RS2_RS1_IMM(false, true, true, true);

        public final boolean rd, rs1, rs2, imm;

        Shape(boolean rd, boolean rs1, boolean rs2, boolean imm) {
            this.rd = rd;
            this.rs1 = rs1;
            this.rs2 = rs2;
            this.imm = imm;
        }
    }

    public static final int COUNT = 32;

    private final Shape shape;

    TcOp(Shape shape) { this.shape = shape; }

    public Shape shape() { return shape; }

    public String mnemonic() { return name().toLowerCase(Locale.ROOT); }

    /** Operations that set the flags from their result. */
    public boolean setsFlags() { return ordinal() >= ADD.ordinal() && ordinal() <= CMP.ordinal(); }

    /** Conditional and unconditional jumps taking an immediate target (not CALL/RET). */
    public boolean isJump() { return ordinal() >= JMP.ordinal() && ordinal() <= JGT.ordinal(); }

    private static final TcOp[] VALUES = values();

    public static TcOp of(int opcode) { return VALUES[opcode]; }

    static {
        if (VALUES.length != COUNT) throw new AssertionError("the Tensor Computer has exactly 32 opcodes");
    }

    /**
     * DIV as the ISA defines it: truncating, with the RISC-V answers where C leaves it undefined
     * (x / 0 = −1, MIN / −1 = MIN). Both machines, discrete and soft, compute it from here.
     */
    public static int div(int a, int b) {
        if (b == 0) return -1;
        if (a == Integer.MIN_VALUE && b == -1) return Integer.MIN_VALUE;
        return a / b;
    }

    /** MOD as the ISA defines it: the remainder of {@link #div} (x % 0 = x, MIN % −1 = 0). */
    public static int mod(int a, int b) {
        if (b == 0) return a;
        if (a == Integer.MIN_VALUE && b == -1) return 0;
        return a % b;
    }
}
