package tc.computer.asm;

import java.util.Map;
import tc.computer.isa.TcProgram;

/**
 * An assembled program with the labels its source defined (name → instruction slot) and the
 * source line of each instruction, kept for traces, listings and run reports; the program itself
 * does not need them.
 *
 * @param lines the 1-based source line of each instruction, one entry per instruction
 */
public record TcAssembly(TcProgram program, Map<String, Integer> labels, int[] lines) {
    public TcAssembly {
        labels = Map.copyOf(labels);
        lines = lines.clone();
        if (lines.length != program.code().size()) throw new IllegalArgumentException("one line per instruction expected");
    }

    /** The 1-based source line of the instruction in {@code slot}, 0 outside the code. */
    public int lineOf(int slot) { return slot >= 0 && slot < lines.length ? lines[slot] : 0; }

    @Override public int[] lines() { return lines.clone(); }
}
