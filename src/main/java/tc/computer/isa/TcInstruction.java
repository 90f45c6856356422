package tc.computer.isa;

/**
 * One discrete instruction. Fields the operation does not use are 0 (so that equal programs are
 * equal records and encode to equal parameters).
 */
public record TcInstruction(TcOp op, int rd, int rs1, int rs2, int imm) {
    public TcInstruction {
        checkRegister("rd", rd);
        checkRegister("rs1", rs1);
        checkRegister("rs2", rs2);
        var s = op.shape();
        if (!s.rd && rd != 0 || !s.rs1 && rs1 != 0 || !s.rs2 && rs2 != 0 || !s.imm && imm != 0)
            throw new IllegalArgumentException(op.mnemonic() + " does not use every field given: " + rd + "," + rs1 + "," + rs2 + "," + imm);
    }

    private static void checkRegister(String field, int r) {
        if (r < 0 || r >= TcMachineSpec.REGISTERS)
            throw new IllegalArgumentException(field + " must name a register r0..r15, got " + r);
    }

    public static TcInstruction of(TcOp op) { return new TcInstruction(op, 0, 0, 0, 0); }
}
