package tc.learn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcOp;

/**
 * Library learning's compression step, in the manner of DreamCoder but far simpler: a fragment
 * of straight code (2 or 3 consecutive instructions, no jumps, compares or stack) that occurs, up
 * to a renaming of registers, in at least {@value #MIN_PROGRAMS} different stored programs becomes
 * a template: the sketch search may write it as one statement costing {@value #COST} (an ADD's
 * price) on any distinct registers of a later task, instead of paying for each instruction.
 */
public final class Fragments {
    private Fragments() {}

    /** Programs a fragment must recur in. */
    static final int MIN_PROGRAMS = 2;
    /** A fragment's price in the description length. */
    static final int COST = 3;

    /**
     * A recurring fragment on abstract registers 0 … registers−1 (numbered by first appearance).
     *
     * @param uses how many stored programs contain it
     */
    public record Fragment(List<TcInstruction> code, int registers, int uses) {
        public Fragment { code = List.copyOf(code); }

        /** The fragment on the caller's registers {@code map} (abstract register k → map[k]). */
        List<TcInstruction> on(int[] map) {
            List<TcInstruction> out = new ArrayList<>();
            for (TcInstruction i : code) {
                var s = i.op().shape();
                out.add(new TcInstruction(i.op(), s.rd ? map[i.rd()] : 0, s.rs1 ? map[i.rs1()] : 0, s.rs2 ? map[i.rs2()] : 0, i.imm()));
            }
            return out;
        }
    }

    /** The fragments recurring in {@code programs}, most used first, then longest. */
    public static List<Fragment> mine(List<List<TcInstruction>> programs) {
        Map<List<TcInstruction>, Set<Integer>> seenIn = new LinkedHashMap<>();
        Map<List<TcInstruction>, Integer> registersOf = new LinkedHashMap<>();
        for (int p = 0; p < programs.size(); p++) {
            List<TcInstruction> code = programs.get(p);
            for (int from = 0; from < code.size(); from++)
                for (int len = 2; len <= 3 && from + len <= code.size(); len++) {
                    List<TcInstruction> window = code.subList(from, from + len);
                    if (!window.stream().allMatch(Fragments::straight)) break;
                    int[] count = new int[1];
                    List<TcInstruction> key = abstracted(window, count);
                    seenIn.computeIfAbsent(key, k -> new HashSet<>()).add(p);
                    registersOf.put(key, count[0]);
                }
        }
        List<Fragment> out = new ArrayList<>();
        for (var e : seenIn.entrySet())
            if (e.getValue().size() >= MIN_PROGRAMS) out.add(new Fragment(e.getKey(), registersOf.get(e.getKey()), e.getValue().size()));
        out.sort(java.util.Comparator.comparingInt((Fragment f) -> -f.uses()).thenComparingInt(f -> -f.code().size()));
        return out;
    }

    private static boolean straight(TcInstruction i) {
        TcOp op = i.op();
        return !op.isJump() && op != TcOp.CMP && op != TcOp.HALT && op != TcOp.NOP && op != TcOp.CALL && op != TcOp.RET
                && op != TcOp.PUSH && op != TcOp.POP && op != TcOp.OUT;
    }

    /** The window with its registers renamed 0, 1, … in order of first appearance. */
    private static List<TcInstruction> abstracted(List<TcInstruction> window, int[] count) {
        int[] name = new int[16];
        java.util.Arrays.fill(name, -1);
        List<TcInstruction> out = new ArrayList<>();
        for (TcInstruction i : window) {
            var s = i.op().shape();
            int a = s.rs1 ? rename(name, i.rs1(), count) : 0;
            int b = s.rs2 ? rename(name, i.rs2(), count) : 0;
            int d = s.rd ? rename(name, i.rd(), count) : 0;
            out.add(new TcInstruction(i.op(), d, a, b, i.imm()));
        }
        return out;
    }

    private static int rename(int[] name, int r, int[] count) {
        if (name[r] < 0) name[r] = count[0]++;
        return name[r];
    }
}
