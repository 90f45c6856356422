package tc.computer.backend;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc.computer.engine.TcState;

/**
 * The result of running a compiled C program on a Tensor Computer engine: the machine's final
 * {@link TcState} read through the program's symbols and debug information. (The state is the
 * machine's; this is the C program's: status, main's variables, the fault.)
 *
 * @param variables globals and main's variables by name (arrays as int[]); a null value means
 *                  main's value could not be recovered from the final state (see {@link TcRunner})
 * @param fault     what stopped a {@link Status#STACK_OVERFLOW} run, null otherwise
 * @param state     the machine's final state
 */
public record TcOutcome(Status status, Map<String, Object> variables, Fault fault, TcState state) {
    public enum Status {
        /** main returned and the startup HALT ran. */
        HALTED,
        /** The step limit came first. */
        STEP_LIMIT,
        /** A recursive call would have grown the stack into the globals; the run stopped at the overflow HALT. */
        STACK_OVERFLOW
    }

    /**
     * The call that would have overflowed the stack.
     *
     * @param message one readable sentence
     * @param pc      the slot of the CALL, or -1 when the final state does not show it
     * @param step    the 1-based step at which that CALL ran
     * @param line    its source line, 0 if unknown
     */
    public record Fault(String message, int pc, long step, int line) {}

    public TcOutcome {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        if ((status == Status.STACK_OVERFLOW) != (fault != null)) throw new IllegalArgumentException("a fault goes with a stack overflow, and only with one");
    }

    /** main's return value: r0, where the calling convention leaves it. */
    public int retval() { return state.register(0); }

    public List<Integer> outputs() { return state.outputs(); }

    public long steps() { return state.steps(); }

    public boolean halted() { return status == Status.HALTED; }
}
