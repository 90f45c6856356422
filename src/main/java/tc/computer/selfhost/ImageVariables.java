package tc.computer.selfhost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc.computer.engine.TcState;

/**
 * Reads a program's variables back after a run, from the notes the self-hosted compiler writes
 * into its image as assembly comments: {@code ; global NAME ADDRESS LENGTH} for globals and
 * main's static locals, {@code ; var NAME OFFSET LENGTH} for main's locals (OFFSET from main's
 * frame pointer). The assembler ignores comments, so the notes change nothing in the program.
 *
 * <p>main's frame pointer is {@code memoryWords − 2}: sp starts at memoryWords, the start-up
 * CALL pushes the return slot and main's prologue the caller's frame pointer. Locals never share
 * a frame word (a block's words are not reused after it), so each keeps its last value.
 */
public final class ImageVariables {
    private ImageVariables() {}

    /** One variable as noted: where it lives (absolute address) and how many words. */
    public record Note(String name, int address, int length) {}

    /** Every note of {@code image} in order (a name may appear more than once: shadowing). */
    public static List<Note> notes(String image, int memoryWords) {
        int fp = memoryWords - 2;
        List<Note> notes = new ArrayList<>();
        for (String line : image.split("\n")) {
            String[] w = line.trim().split("\\s+");
            if (w.length != 5 || !w[0].equals(";")) continue;
            if (w[1].equals("global")) notes.add(new Note(w[2], Integer.parseInt(w[3]), Integer.parseInt(w[4])));
            else if (w[1].equals("var")) notes.add(new Note(w[2], fp + Integer.parseInt(w[3]), Integer.parseInt(w[4])));
        }
        return notes;
    }

    /**
     * The final words of the variables whose name is noted exactly once, a scalar as one word
     * (a name noted more than once, as shadowed locals are, is left out: which one a reader means
     * is not known).
     */
    public static Map<String, int[]> values(String image, TcState state) {
        int[] memory = state.memory();
        Map<String, Integer> count = new LinkedHashMap<>();
        List<Note> notes = notes(image, memory.length);
        for (Note n : notes) count.merge(n.name(), 1, Integer::sum);
        Map<String, int[]> values = new LinkedHashMap<>();
        for (Note n : notes) {
            if (count.get(n.name()) != 1) continue;
            int[] a = new int[n.length()];
            for (int i = 0; i < a.length; i++) a[i] = memory[Math.floorMod(n.address() + i, memory.length)];
            values.put(n.name(), a);
        }
        return values;
    }
}
