package tc.loom.verify;

import java.util.List;
import tc.loom.isa.Instruction;
import tc.loom.state.StateLayout.Region;

/**
 * The first step where a transformer engine and the ideal interpreter disagree.
 *
 * @param step        1-based number of the step after which they disagree
 * @param pc          the column the step started at (the same for both: earlier steps agreed)
 * @param instruction the instruction at {@code pc}, or null when the PC is outside the program
 * @param kind        what disagrees
 * @param cell        for {@link Kind#MEMORY}, the memory index; else −1
 * @param expected    the interpreter's value (PC or cell), or null when there is none to compare
 * @param actual      the transformer's value: PC or cell, or the offending entry for {@link Kind#NOT_CLEAN}; null for a fault
 * @param region      the state row region where the difference shows, or null for a fault
 * @param row         the first differing state row (for PC and memory: the first wrong bit), or −1
 * @param column      the state column, or −1
 * @param otherCells  further memory cells that also differ after this step, in index order
 * @param message     for {@link Kind#INTERPRETER_FAULT}, the interpreter's fault message; else null
 */
public record Divergence(long step, int pc, Instruction instruction, Kind kind, int cell, Number expected, Number actual,
                         Region region, int row, int column, List<Integer> otherCells, String message) {

    public enum Kind {
        /** The program counters differ (this includes one side halting and the other not). */
        PC,
        /** A memory cell decodes to different values. */
        MEMORY,
        /** PC and memory agree but a state entry has left {−1, 0, +1} by more than the tolerance. */
        NOT_CLEAN,
        /** The ideal ISA faults (e.g. a pointer past memory); the transformer has no faults. */
        INTERPRETER_FAULT
    }

    public Divergence {
        otherCells = List.copyOf(otherCells);
    }
}
