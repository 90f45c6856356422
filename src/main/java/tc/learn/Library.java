package tc.learn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcOp;

/**
 * Learned programs that later tasks may CALL: the subroutine library. A routine is the extracted
 * program of a solved task, kept as it was learned (inputs in r0, r1, …, result in r0, scratch
 * after the inputs). A caller names which of its registers the routine works on ({@link Sketch.Call}):
 * each distinct renaming is laid out once after the caller's code, behind a HALT, with the
 * routine's exits turned into RET, and reached by the machine's own CALL (return address on the
 * stack at the top of memory). So a routine learned once serves any registers of any later task
 * without being learned again.
 *
 * @param routines routines by the name of the task they were learned for
 */
public record Library(Map<String, Routine> routines, List<Fragments.Fragment> fragments) {
    public Library {
        routines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(routines));
        fragments = List.copyOf(fragments);
    }

    /** A library of routines and no fragment templates. */
    public Library(Map<String, Routine> routines) { this(routines, List.of()); }

    public static final Library EMPTY = new Library(Map.of());

    /** This library with {@code mined} as its fragment templates ({@link Fragments}). */
    public Library withFragments(List<Fragments.Fragment> mined) { return new Library(routines, mined); }

    /**
     * A learned program usable as a subroutine.
     *
     * @param task      the task it was learned for
     * @param code      its instructions (jumps to {@code code.size()} leave it)
     * @param registers how many registers it names (r0 … r(registers−1))
     * @param zeroed    the scratch registers it reads before writing them, as a mask: it was
     *                  learned where they start at 0, so each call sets them to 0 first (a
     *                  learned abs compares with a never-written register; without this it would
     *                  work only where the caller maps that register to one it never writes)
     */
    public record Routine(String task, List<TcInstruction> code, int registers, int zeroed) {
        /** A routine that needs no register zeroed on entry. */
        public Routine(String task, List<TcInstruction> code, int registers) { this(task, code, registers, 0); }

        public Routine {
            if ((zeroed & ~((1 << registers) - 1)) != 0) throw new IllegalArgumentException(task + " zeroes a register it does not have");
            code = List.copyOf(code);
            for (TcInstruction i : code) {
                switch (i.op()) {
                    case CALL, RET, PUSH, POP -> throw new IllegalArgumentException("a routine may not use the stack itself: " + i);
                    default -> { }
                }
                int highest = Math.max(i.op().shape().rd ? i.rd() : 0, Math.max(i.op().shape().rs1 ? i.rs1() : 0, i.op().shape().rs2 ? i.rs2() : 0));
                if (highest >= registers) throw new IllegalArgumentException(task + " names r" + highest + " but has " + registers + " registers");
            }
        }
    }

    /** This library with {@code routine} added (or replacing the one of the same task). */
    public Library with(Routine routine) {
        Map<String, Routine> out = new LinkedHashMap<>(routines);
        out.put(routine.task(), routine);
        return new Library(out, fragments);
    }

    /**
     * Every call of every routine onto the caller's registers r0 … r(callerRegisters−1): each
     * routine register mapped to a distinct caller register outside {@code frozen} (a loop's
     * pointer and count, which a body may not write).
     */
    List<Sketch.Call> calls(int callerRegisters, int frozen) {
        List<Sketch.Call> out = new ArrayList<>();
        for (Routine r : routines.values()) maps(r, new int[r.registers()], 0, 0, callerRegisters, frozen, out);
        return out;
    }

    private static void maps(Routine r, int[] map, int at, int used, int callerRegisters, int frozen, List<Sketch.Call> out) {
        if (at == map.length) {
            List<Integer> registers = new ArrayList<>();
            for (int x : map) registers.add(x);
            out.add(new Sketch.Call(r, registers));
            return;
        }
        for (int reg = 0; reg < callerRegisters; reg++) {
            if ((used >> reg & 1) != 0 || (frozen >> reg & 1) != 0) continue;
            map[at] = reg;
            maps(r, map, at + 1, used | 1 << reg, callerRegisters, frozen, out);
        }
    }

    /**
     * The instructions of {@code routine} with its registers renamed by {@code map}, after an
     * {@code LI r, 0} for each of its {@link Routine#zeroed} registers, placed at {@code offset};
     * exits jump to the end.
     */
    static List<TcInstruction> placed(Routine routine, List<Integer> map, int offset, boolean asSubroutine) {
        List<TcInstruction> out = new ArrayList<>();
        for (int r = 0; r < routine.registers(); r++)
            if ((routine.zeroed() >> r & 1) != 0) out.add(new TcInstruction(TcOp.LI, map.get(r), 0, 0, 0));
        int start = offset + out.size(), exit = start + routine.code().size();
        for (TcInstruction i : routine.code()) {
            var s = i.op().shape();
            if (i.op() == TcOp.HALT) out.add(asSubroutine ? TcInstruction.of(TcOp.RET) : new TcInstruction(TcOp.JMP, 0, 0, 0, exit));
            else if (i.op().isJump()) out.add(new TcInstruction(i.op(), 0, 0, 0, Math.min(Math.max(i.imm(), 0), routine.code().size()) + start));
            else out.add(new TcInstruction(i.op(), s.rd ? map.get(i.rd()) : 0, s.rs1 ? map.get(i.rs1()) : 0, s.rs2 ? map.get(i.rs2()) : 0, i.imm()));
        }
        return out;
    }
}
