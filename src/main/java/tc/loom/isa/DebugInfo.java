package tc.loom.isa;

import java.util.List;
import java.util.Map;

/**
 * What a compiled program knows about its source: symbols, a line per instruction, labels and the
 * fixed cells the run-time conventions use.
 *
 * @param sourceName  file name of the C source (or assembly), for messages
 * @param symbols     named memory regions, in memory order
 * @param lines       source line of each instruction (0 where none)
 * @param labels      label name → instruction index
 * @param retvalIndex memory index holding main's return value after HALT
 * @param outputIndex memory index written by {@code output(x)}; -1 if none
 * @param stackBase   first cell of the call stack, or -1 if the program uses none
 * @param stackLimit  one past the last cell of the call stack, or -1
 */
public record DebugInfo(String sourceName, List<Symbol> symbols, int[] lines, Map<String, Integer> labels,
                        int retvalIndex, int outputIndex, int stackBase, int stackLimit) {

    public static final int LOOM_RETVAL = 7;
    public static final int LOOM_OUTPUT = 8;

    /** Debug info for a program that has none (hand-written assembly without labels, say). */
    public static DebugInfo minimal(String sourceName, int instructionCount) {
        return new DebugInfo(sourceName, List.of(), new int[instructionCount], Map.of(), LOOM_RETVAL, LOOM_OUTPUT, -1, -1);
    }

    public int lineOf(int instructionIndex) {
        return instructionIndex >= 0 && instructionIndex < lines.length ? lines[instructionIndex] : 0;
    }

    public boolean hasStack() { return stackBase >= 0; }
}
