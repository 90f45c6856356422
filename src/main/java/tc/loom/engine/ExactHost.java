package tc.loom.engine;

import tc.loom.isa.Instruction;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Opcode;
import tc.loom.isa.Program;
import tc.loom.state.StateMatrix;

/**
 * What the host does around the {@code exact} profile, besides Loom's "stop at PC = 0":
 *
 * <ul>
 * <li>before the run, {@link #check} refuses programs with instructions the interpreter would
 *     fault on whatever the data (undefined opcodes, operands that are not memory columns, jumps
 *     to the reserved columns 0 and 1): those faults are static, so they are reported up front;</li>
 * <li>after each step, PC = 1 (where the weights send a LOAD/STORE through a pointer ≥ m) is a
 *     pointer fault, and a PC outside the program is execution running off it. The weights
 *     compute both; the host only reads the PC, as it does for halting.</li>
 * </ul>
 */
public final class ExactHost {
    private ExactHost() {}

    /** The column the exact weights branch to on an out-of-range pointer. */
    public static final int POINTER_FAULT_COLUMN = tc.loom.transformer.weights.exact.ExactWeights.FAULT_COLUMN;

    /** @throws IllegalArgumentException naming the first instruction the exact transformer cannot run */
    public static void check(Program program) {
        MachineConfig c = program.config();
        var rom = program.instructions();
        for (int k = 0; k < rom.size(); k++) {
            Instruction ins = rom.get(k);
            String where = "instruction " + k + " (column " + (c.programStart() + k) + ", " + ins.a() + " " + ins.b() + " " + ins.c() + ")";
            Opcode op = ins.opcode(c);
            if (op == null) throw refuse(where, "opcode " + ins.a() + " is undefined");
            switch (op.operands()) {
                case NONE -> { }
                case B -> memory(c, where, "b", ins.b());
                case B_C -> { memory(c, where, "b", ins.b()); memory(c, where, "c", ins.c()); }
                case JUMP -> target(where, ins.c());
                case B_JUMP -> { memory(c, where, "b", ins.b()); target(where, ins.c()); }
                case A_B_JUMP -> { memory(c, where, "a", ins.a()); memory(c, where, "b", ins.b()); target(where, ins.c()); }
            }
        }
    }

    private static void memory(MachineConfig c, String where, String field, int column) {
        if (column < c.memoryStart() || column >= c.programStart())
            throw refuse(where, "operand " + field + " = column " + column + " is not a memory column (" + c.memoryStart() + ".." + (c.programStart() - 1) + ")");
    }

    private static void target(String where, int column) {
        if (column <= POINTER_FAULT_COLUMN) throw refuse(where, "jump target column " + column + " is reserved (0 = halted, 1 = fault)");
    }

    private static IllegalArgumentException refuse(String where, String why) {
        return new IllegalArgumentException("the exact transformer cannot run " + where + ": " + why
                + " (the interpreter faults when it executes it; run it with --engine interp)");
    }

    /** Whether the host stops before fetching at {@code pc}: a fault column or outside the program. */
    public static boolean stops(Program program, int pc) {
        int start = program.config().programStart();
        return pc != 0 && (pc < start || pc >= start + program.instructions().size());
    }

    /**
     * The fault a stop at {@code pc} means, or null for a halt (PC = 0).
     *
     * @param x        the state after the step
     * @param pcBefore the column of the instruction that ran last
     * @param steps    steps run
     */
    public static Fault fault(Program program, StateMatrix x, int pc, int pcBefore, long steps) {
        if (pc == 0) return null;
        if (pc == POINTER_FAULT_COLUMN) {
            Instruction ins = x.readInstruction(pcBefore);
            MachineConfig c = program.config();
            boolean store = ins.opcode(c) == Opcode.STORE;
            int p = tc.ir.Word.unsigned(x.memory(ins.c() - c.memoryStart()), c.wordBits());
            return Fault.pointer(program, store, p, pcBefore, steps);
        }
        // The interpreter counts the failed fetch as a step.
        return Fault.outsideProgram(program, pc, steps + 1);
    }
}
