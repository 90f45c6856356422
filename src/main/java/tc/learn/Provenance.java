package tc.learn;

import java.util.ArrayList;
import java.util.List;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcOp;

/**
 * Where the instructions of a solved program came from: written by a template or idiom (a loop's
 * counter and jumps, an {@code If}'s compare and jump, a bisection's skeleton and midpoint probe),
 * chosen one by one by the search (the straight instructions of the sketch, the calls, and every
 * instruction of a program the local search or the gradient phases found), or copied from the
 * library (the called routines' bodies laid out after the program).
 *
 * <p>Counted on the final, extracted program: its instructions are matched against the straight
 * instructions of the sketch that solved it (as a multiset, since extraction may delete some and
 * the normal form may reorder them); what is left of its own code came from templates.
 *
 * @param solvedBy the phase that solved it (sketch-search, local-search, a gradient phase…)
 */
public record Provenance(int template, int search, int library, String solvedBy) implements java.io.Serializable {
    /** The provenance of {@code program}, solved by {@code solvedBy} from {@code sketch} (null when not the sketch search). */
    static Provenance of(List<TcInstruction> program, List<Sketch> sketch, String solvedBy) {
        int own = Extraction.ownLength(program);
        int library = program.size() - own;
        if (library > 0) library--; // the HALT between the program and its routines is layout, not a routine's
        List<TcInstruction> chosen = new ArrayList<>();
        if (sketch == null) return new Provenance(0, own, library, solvedBy);
        leaves(sketch, chosen);
        int search = 0, template = 0;
        for (int k = 0; k < own; k++) {
            TcInstruction i = program.get(k);
            if (i.op() == TcOp.CALL || chosen.remove(i)) search++;
            else template++;
        }
        return new Provenance(template, search, library, solvedBy);
    }

    private static void leaves(List<Sketch> block, List<TcInstruction> out) {
        for (Sketch s : block) {
            switch (s) {
                case Sketch.Op op -> out.add(op.ins());
                case Sketch.Call c -> { }
                case Sketch.If f -> leaves(f.then(), out);
                case Sketch.Each e -> leaves(e.body(), out);
                case Sketch.Times t -> leaves(t.body(), out);
                case Sketch.While w -> {
                    // a recurrence (op t, x, y; mov x, y; mov y, t): its two MOVs follow from the registers the template names
                    List<Sketch> body = w.body();
                    leaves(recurrence(body) ? body.subList(0, 1) : body, out);
                }
                case Sketch.Bisect h -> {
                    // the midpoint probe (ADD t, r0, mid; LOAD t, 0(t)) is the template's, priced as one LOAD
                    List<Sketch> body = h.body();
                    int skip = body.size() >= 2 && body.get(0) instanceof Sketch.Op a && a.ins().op() == TcOp.ADD && a.ins().rs2() == h.mid() ? 2 : 0;
                    leaves(body.subList(skip, body.size()), out);
                }
            }
        }
    }

    private static boolean recurrence(List<Sketch> body) {
        if (body.size() != 3 || !(body.get(0) instanceof Sketch.Op f && body.get(1) instanceof Sketch.Op m1 && body.get(2) instanceof Sketch.Op m2)) return false;
        int t = f.ins().rd(), x = f.ins().rs1(), y = f.ins().rs2();
        return m1.ins().op() == TcOp.MOV && m1.ins().rd() == x && m1.ins().rs1() == y && m2.ins().op() == TcOp.MOV && m2.ins().rd() == y && m2.ins().rs1() == t;
    }

    /** "5 template, 3 search" (and the library's share when there is one). */
    @Override public String toString() {
        return template + " from templates/idioms, " + search + " chosen by the search" + (library > 0 ? ", " + library + " in called routines" : "")
                + " (solved by " + solvedBy + ")";
    }
}
