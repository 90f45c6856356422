package tc.loom.engine;

/**
 * A run-time error of the program (not of the engine): an out-of-range pointer, a stack overflow,
 * an illegal instruction, running off the end of the program.
 *
 * @param kind    machine-readable class, used in {@code --json} output
 * @param message one readable sentence
 * @param pc      column of the faulting instruction
 * @param step    1-based step at which it happened
 */
public record Fault(Kind kind, String message, int pc, long step) {
    public enum Kind { POINTER_OUT_OF_RANGE, STACK_OVERFLOW, ILLEGAL_INSTRUCTION, OPERAND_OUT_OF_RANGE, PC_OUT_OF_PROGRAM }

    /**
     * LOAD or STORE through pointer {@code p} ≥ m: a stack overflow when it is a push one past the
     * program's stack, an out-of-range pointer otherwise. Every engine words it this way.
     */
    public static Fault pointer(tc.loom.isa.Program program, boolean store, int p, int pc, long step) {
        var debug = program.debug();
        int m = program.config().m();
        if (store && debug.hasStack() && p == debug.stackLimit())
            return new Fault(Kind.STACK_OVERFLOW, "stack overflow: the call stack (memory " + debug.stackBase() + ".."
                    + (debug.stackLimit() - 1) + ") is full; recursion too deep for m = " + m, pc, step);
        return new Fault(Kind.POINTER_OUT_OF_RANGE, (store ? "STORE" : "LOAD") + " through pointer " + p + ", outside memory 0.."
                + (m - 1) + " (an array index out of bounds?)", pc, step);
    }

    /** The PC names a column that holds no instruction of the program. */
    public static Fault outsideProgram(tc.loom.isa.Program program, int pc, long step) {
        int start = program.config().programStart();
        return new Fault(Kind.PC_OUT_OF_PROGRAM, "execution left the program: PC = column " + pc + ", but the program occupies columns "
                + start + ".." + (start + program.instructions().size() - 1), pc, step);
    }
}
