package tc.loom.backend;

import java.util.ArrayList;
import java.util.List;
import tc.loom.backend.Asm.Cell;
import tc.loom.backend.Asm.Item;
import tc.loom.backend.Asm.Mark;
import tc.loom.backend.Asm.Op;
import tc.loom.backend.Asm.Ref;
import tc.loom.backend.Asm.Target;
import tc.loom.isa.Opcode;

/**
 * Collects the symbolic code of the whole program: instructions stamped with the current source
 * line, labels and fresh internal labels.
 *
 * <p>Internal labels contain a {@code $}, which no C identifier does, so they never clash with
 * user labels and are left out of the debug info.
 */
final class Emitter {
    private final List<Item> items = new ArrayList<>();
    private int line;
    private int fresh;

    void line(int line) { this.line = line; }

    void mark(String label) { items.add(new Mark(label)); }

    /** A new internal label name, unique in the program. */
    String freshLabel(String hint) { return hint + "$" + fresh++; }

    static boolean isInternal(String label) { return label.indexOf('$') >= 0; }

    void op(Opcode op, Ref b, Ref c) {
        items.add(new Op(op, b, c, line));
    }

    // Shorthands for the shapes the selectors use.
    void op(Opcode op, int cell, Ref c) { op(op, new Cell(cell), c); }

    void op(Opcode op, int cell) { op(op, new Cell(cell), null); }

    void jump(Opcode op, Ref b, String label) { op(op, b, new Target(label)); }

    void jump(String label) { op(Opcode.JMP, null, new Target(label)); }

    void halt() { op(Opcode.HALT, null, null); }

    List<Item> items() { return items; }
}
