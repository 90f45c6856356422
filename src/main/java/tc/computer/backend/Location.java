package tc.computer.backend;

/** Where a variable lives for the whole of its function's activation. */
sealed interface Location {
    /** A callee-saved register r4..r13. */
    record Register(int r) implements Location {}

    /** A frame word at {@code sp + offset} (sp as it is after the prologue). */
    record Frame(int offset) implements Location {}

    /** A fixed memory address (globals). */
    record Global(int address) implements Location {}
}
