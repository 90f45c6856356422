package tc.computer.backend;

import java.util.List;
import tc.source.SourceFile;

/**
 * What compiled code knows about its source and its stack, slot by slot: enough to name the C line
 * of any instruction and to walk the stack of a run stopped anywhere (to read main's variables that
 * callees have saved away, and to find the call that overflowed).
 *
 * @param lines     source line of each slot (0 where none: the startup code and the overflow HALT)
 * @param function  index into {@code functions} of the function each slot belongs to, -1 for none
 * @param depth     words sp is below its value at the function's entry, before the slot runs
 *                  (pushed saved registers, the frame and arguments being pushed for a call)
 * @param functions the compiled functions, in layout order
 * @param source    the C source the lines refer to (null if unknown)
 */
public record TcDebugInfo(int[] lines, int[] function, int[] depth, List<Function> functions, SourceFile source) {
    /**
     * One compiled function.
     *
     * @param entry the slot its label is on (where CALL jumps)
     * @param saved the registers its prologue pushes, in push order: the i-th lands at
     *              {@code entrySp - 1 - i}, where {@code entrySp} points at the return address
     * @param line  the line of its definition
     */
    public record Function(String name, int entry, List<Integer> saved, int line) {
        public Function {
            saved = List.copyOf(saved);
        }
    }

    public TcDebugInfo {
        lines = lines.clone();
        function = function.clone();
        depth = depth.clone();
        functions = List.copyOf(functions);
        if (function.length != lines.length || depth.length != lines.length) throw new IllegalArgumentException("one entry per slot expected in every table");
    }

    @Override public int[] lines() { return lines.clone(); }
    @Override public int[] function() { return function.clone(); }
    @Override public int[] depth() { return depth.clone(); }

    /** The source line of the instruction in {@code slot}, 0 if none is known. */
    public int lineOf(int slot) { return slot >= 0 && slot < lines.length ? lines[slot] : 0; }

    /** The function the instruction in {@code slot} belongs to, or null (startup code, overflow HALT, outside the code). */
    public Function functionAt(int slot) {
        int f = slot >= 0 && slot < function.length ? function[slot] : -1;
        return f < 0 ? null : functions.get(f);
    }

    /** The function whose code starts at {@code slot}, or null. */
    public Function functionEnteredAt(int slot) {
        for (Function f : functions) if (f.entry() == slot) return f;
        return null;
    }

    /** The sp depth before {@code slot} (see {@code depth}); 0 outside the code. */
    public int depthAt(int slot) { return slot >= 0 && slot < depth.length ? depth[slot] : 0; }
}
