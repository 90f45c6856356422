package tc.web;

import java.util.List;
import tc.loom.isa.Program;
import tc.loom.state.StateMatrix;

/**
 * A Loom program run one instruction at a time, as the debugger needs it, on some engine: the
 * interpreter ({@link InterpStepper}) or a transformer ({@link TransformerStepper}).
 */
sealed interface Stepper permits InterpStepper, TransformerStepper {
    Program program();

    /** Runs one instruction; false (and nothing done) when the machine has stopped. */
    boolean step();

    /** Whether it can still step: not halted, not faulted. */
    boolean running();

    /** "running", "halted" or the fault's message. */
    String status();

    long steps();

    /** The column of the next instruction (0 after HALT). */
    int pc();

    /** All m cells. */
    int[] memory();

    List<Integer> outputs();

    /** The state matrix, or null for an engine without one (the interpreter). Live: read it, never keep it. */
    StateMatrix state();
}
