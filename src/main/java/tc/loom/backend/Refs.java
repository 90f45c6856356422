package tc.loom.backend;

import tc.ir.Imm;
import tc.ir.Operand;
import tc.ir.Var;
import tc.loom.backend.Asm.Cell;
import tc.loom.backend.Asm.Const;
import tc.loom.backend.Asm.Ref;

/** IR operands as symbolic cell references. */
final class Refs {
    private final MemoryLayout layout;

    Refs(MemoryLayout layout) { this.layout = layout; }

    MemoryLayout layout() { return layout; }

    int bits() { return layout.bits(); }

    /** A variable's cell, an immediate's pooled constant. */
    Ref of(Operand o) {
        return switch (o) {
            case Var v -> cell(v);
            case Imm i -> new Const(i.value());
        };
    }

    Cell cell(Var v) { return new Cell(layout.cell(v)); }

    static Cell fixed(int index) { return new Cell(index); }

    static Const constant(int value) { return new Const(value); }

    /** True when writing {@code dst} changes the value of {@code o}. */
    static boolean aliases(Var dst, Operand o) { return o instanceof Var v && v == dst; }
}
