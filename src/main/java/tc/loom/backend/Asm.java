package tc.loom.backend;

import tc.loom.isa.Opcode;

/**
 * Symbolic Loom assembly, the form code takes between instruction selection and encoding: operands
 * name memory cells, pooled constants and labels, so that the constant pool and instruction indices
 * can be fixed after the peephole pass has changed the code.
 */
final class Asm {
    private Asm() {}

    /** An operand field. */
    sealed interface Ref permits Cell, Const, Target {}

    /** A memory cell by logical index. */
    record Cell(int index) implements Ref {}

    /** A read-only cell of the constant pool holding this N-bit value. */
    record Const(int value) implements Ref {}

    /** An instruction position, by label name. */
    record Target(String label) implements Ref {}

    /** One item of a code listing. */
    sealed interface Item permits Op, Mark {}

    /**
     * One instruction; fields an opcode does not use are null (encoded as 0).
     *
     * @param line source line it comes from, 0 if none
     */
    record Op(Opcode op, Ref b, Ref c, int line) implements Item {
        Op {
            if (op == Opcode.SUBLEQ || op == Opcode.FIND || op == Opcode.MULACC)
                throw new IllegalArgumentException("the back end does not emit " + op);
        }

        /** The jump target, for instructions that jump. */
        String target() { return op.jumps() && c instanceof Target t ? t.label() : null; }

        Op withTarget(String label) { return new Op(op, b, new Target(label), line); }

        /** True when execution never continues with the next instruction. */
        boolean isUnconditionalTransfer() { return op == Opcode.JMP || op == Opcode.HALT; }
    }

    /** A label bound to the position of the next instruction. */
    record Mark(String label) implements Item {}
}
