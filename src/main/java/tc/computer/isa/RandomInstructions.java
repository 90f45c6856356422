package tc.computer.isa;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Uniformly random instructions and programs, for differential tests and for the learner's
 * mutations. Every opcode is equally likely; registers are uniform; immediates are small (−8..23)
 * three times in four, so that addresses and jumps land in the program and memory, and a uniform
 * 32-bit word otherwise.
 */
public final class RandomInstructions {
    private RandomInstructions() {}

    public static TcInstruction next(RandomGenerator random, TcMachineSpec spec) {
        TcOp op = TcOp.of(random.nextInt(TcOp.COUNT));
        var s = op.shape();
        int rd = s.rd ? random.nextInt(TcMachineSpec.REGISTERS) : 0;
        int rs1 = s.rs1 ? random.nextInt(TcMachineSpec.REGISTERS) : 0;
        int rs2 = s.rs2 ? random.nextInt(TcMachineSpec.REGISTERS) : 0;
        int imm = 0;
        if (s.imm) imm = op.isJump() || op == TcOp.CALL ? random.nextInt(spec.slots())
                : random.nextInt(4) != 0 ? random.nextInt(32) - 8 : random.nextInt();
        return new TcInstruction(op, rd, rs1, rs2, imm);
    }

    /** A program of {@code length} random instructions filling a spec with that many slots (rounded up). */
    public static TcProgram program(RandomGenerator random, int memoryWords, int length) {
        TcMachineSpec spec = TcMachineSpec.fitting(memoryWords, length);
        List<TcInstruction> code = new ArrayList<>(length);
        for (int k = 0; k < length; k++) code.add(next(random, spec));
        int[] data = new int[Math.min(16, memoryWords)];
        for (int i = 0; i < data.length; i++) data[i] = random.nextInt(64) - 16;
        return new TcProgram(code, spec, data);
    }
}
