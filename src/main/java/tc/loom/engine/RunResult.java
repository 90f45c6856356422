package tc.loom.engine;

import java.util.List;

/**
 * How a run ended and the machine it left.
 *
 * @param status  why it stopped
 * @param steps   instructions executed (a HALT counts, as in Loom)
 * @param pc      final program counter (0 after HALT)
 * @param memory  final memory, m cells
 * @param outputs words written by {@code output(x)}, in order
 * @param fault   the fault, when status is FAULT
 */
public record RunResult(Status status, long steps, int pc, int[] memory, List<Integer> outputs, Fault fault) {
    public enum Status { HALTED, STEP_LIMIT, FAULT }

    public RunResult {
        memory = memory.clone();
        outputs = List.copyOf(outputs);
    }

    @Override public int[] memory() { return memory.clone(); }

    public int cell(int index) { return memory[index]; }

    public boolean halted() { return status == Status.HALTED; }
}
