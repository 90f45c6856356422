package tc.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcOp;

/**
 * What the search may write for a task, and how it draws instructions: the structured prior.
 *
 * <ul>
 *   <li>Registers r0 … r(task.registers−1) only: the inputs and the scratch the task grants.</li>
 *   <li>Operations: ALU, compare, jumps and HALT; LOAD/STORE for array tasks. No NOP (an empty
 *       slot is a deletion), no stack, CALL or OUT (the subroutine library is future work).</li>
 *   <li>Immediates from a few useful constants; jump targets absolute slots in 0..length, where
 *       slot = length is the HALT past the end, three times in four forward of the jump.</li>
 *   <li>Degenerate forms are never drawn: MOV r, r; CMP r, r; SUB/XOR/AND/OR with equal sources
 *       (each is a constant or a MOV another draw already covers).</li>
 * </ul>
 */
final class Vocabulary {
    static final int[] CONSTANTS = {0, 1, -1, 2, 31};
    static final int[] OFFSETS = {0, 1, -1};

    private final int registers;
    private final List<TcOp> ops = new ArrayList<>();

    Vocabulary(Task task) {
        this.registers = task.registers();
        for (TcOp op : TcOp.values()) {
            switch (op) {
                case NOP, PUSH, POP, CALL, RET, OUT -> { }
                case LOAD, STORE -> { if (task.usesMemory()) ops.add(op); }
                default -> ops.add(op);
            }
        }
    }

    List<TcOp> ops() { return ops; }

    /** A random instruction for slot {@code pos} of a program of {@code length} instructions. */
    TcInstruction instruction(RandomGenerator r, int pos, int length) {
        while (true) {
            TcOp op = ops.get(r.nextInt(ops.size()));
            TcInstruction ins = withOp(r, op, pos, length);
            if (!degenerate(ins)) return ins;
        }
    }

    /** {@code op} with freshly drawn fields. */
    TcInstruction withOp(RandomGenerator r, TcOp op, int pos, int length) {
        var s = op.shape();
        int rd = s.rd ? r.nextInt(registers) : 0;
        int rs1 = s.rs1 ? r.nextInt(registers) : 0;
        int rs2 = s.rs2 ? r.nextInt(registers) : 0;
        int imm = s.imm ? immediate(r, op, pos, length) : 0;
        return new TcInstruction(op, rd, rs1, rs2, imm);
    }

    int immediate(RandomGenerator r, TcOp op, int pos, int length) {
        if (op.isJump()) {
            boolean forward = pos < length && r.nextInt(4) != 0;
            return forward ? pos + 1 + r.nextInt(length - pos) : r.nextInt(pos + 1);
        }
        if (op == TcOp.LOAD || op == TcOp.STORE) return OFFSETS[r.nextInt(OFFSETS.length)];
        return CONSTANTS[r.nextInt(CONSTANTS.length)];
    }

    int register(RandomGenerator r) { return r.nextInt(registers); }

    /** Operations with the same operand shape as {@code op}: the opcode tweak's choices. */
    List<TcOp> sameShape(TcOp op) { return ops.stream().filter(o -> o.shape() == op.shape()).toList(); }

    static boolean degenerate(TcInstruction ins) {
        return switch (ins.op()) {
            case MOV -> ins.rd() == ins.rs1();
            case CMP, SUB, XOR, AND, OR -> ins.rs1() == ins.rs2();
            default -> false;
        };
    }
}
