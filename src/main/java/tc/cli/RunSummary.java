package tc.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code tc run} reports about a run, whichever machine ran it. Each machine's adapter
 * ({@link LoomRun}, {@link TcRun}) builds one; {@link RunReport} prints it.
 *
 * @param retval    main's return value, null when the machine has no place for it
 * @param pc        the machine's pc when the run ended
 * @param variables globals and main's variables in display order, each an Integer or an int[];
 *                  a null value means main's value could not be recovered
 * @param fault     why the run stopped when {@code status} is {@link Status#FAULT}, else null
 * @param engine    the engine's name
 * @param machine   the machine as the speed line names it ({@code 146x512}, {@code tc 16384 words, 64 slots})
 * @param config    the fields of the {@code --json} {@code config} object, in order
 * @param approximate whether the engine only approximates the machine (Loom's softmax engine)
 */
record RunSummary(Integer retval, long steps, Status status, int pc, List<Integer> outputs, Map<String, Object> variables,
                  Fault fault, String engine, String machine, Map<String, Object> config, boolean approximate) {
    enum Status { HALTED, STEP_LIMIT, FAULT }

    /**
     * @param kind machine-readable, lower case with underscores ({@code stack_overflow})
     * @param pc   the faulting instruction's pc, -1 if unknown
     * @param step the 1-based step at which it ran
     * @param line its source line, 0 if unknown
     */
    record Fault(String kind, String message, int pc, long step, int line) {}

    RunSummary {
        outputs = List.copyOf(outputs);
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        if ((status == Status.FAULT) != (fault != null)) throw new IllegalArgumentException("a fault goes with status FAULT, and only with it");
    }

    boolean halted() { return status == Status.HALTED; }
}
