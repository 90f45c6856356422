package tc.computer.backend;

import java.util.List;
import java.util.Map;
import tc.computer.interp.TcState;

/**
 * The result of running a compiled C program on a Tensor Computer engine.
 *
 * @param retval    main's return value (r0 after the run)
 * @param variables globals and main's variables by name (arrays as int[]), read from the final state
 * @param state     the machine's final state
 */
public record TcOutcome(Status status, int retval, List<Integer> outputs, long steps, Map<String, Object> variables, TcState state) {
    public enum Status {
        /** main returned and the startup HALT ran. */
        HALTED,
        /** The step limit came first. */
        STEP_LIMIT,
        /** A recursive call would have grown the stack into the globals; the run stopped at the overflow HALT. */
        STACK_OVERFLOW
    }

    public TcOutcome {
        outputs = List.copyOf(outputs);
        variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
    }

    public boolean halted() { return status == Status.HALTED; }
}
