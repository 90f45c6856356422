package tc.engine;

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
}
