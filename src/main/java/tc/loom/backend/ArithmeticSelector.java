package tc.loom.backend;

import static tc.loom.backend.MemoryLayout.SCRATCH_A;
import static tc.loom.backend.MemoryLayout.SCRATCH_B;
import static tc.loom.backend.MemoryLayout.SIGN;
import static tc.loom.backend.MemoryLayout.ZERO;

import tc.ir.BinaryOp;
import tc.ir.CmpOp;
import tc.ir.Imm;
import tc.ir.Operand;
import tc.ir.UnaryOp;
import tc.ir.Var;
import tc.ir.Word;
import tc.loom.backend.Asm.Ref;
import tc.loom.isa.Opcode;

/**
 * Binary and unary operators (except {@code * / %}, already calls) with {@link Word} semantics for
 * every operand pair, including a destination that is also an operand.
 */
final class ArithmeticSelector {
    private final Emitter e;
    private final Refs refs;
    private final CompareSelector compare;

    ArithmeticSelector(Emitter e, Refs refs, CompareSelector compare) {
        this.e = e;
        this.refs = refs;
        this.compare = compare;
    }

    void binary(BinaryOp op, Var dst, Operand l, Operand r) {
        int bits = refs.bits();
        if (l instanceof Imm a && r instanceof Imm b) {
            e.op(Opcode.MOV, refs.cell(dst), Refs.constant(op.apply(val(a), val(b), refs.bits())));
            return;
        }
        if (op.isComparison()) { compare.value(op.toCmp(), dst, l, r); return; }
        switch (op) {
            case SHL, SHR -> {
                if (r instanceof Imm k) shiftByConstant(op, dst, l, Word.unsigned(val(k), bits));
                else shiftByVariable(op, dst, l, (Var) r);
            }
            case ADD, SUB -> {
                if (op == BinaryOp.ADD && l instanceof Imm) { binary(op, dst, r, l); return; }
                int step = r instanceof Imm k ? (op == BinaryOp.ADD ? val(k) : Word.neg(val(k), bits)) : 2;
                if (step == 0 || step == 1 || step == -1) {
                    into(dst, l);
                    if (step != 0) e.op(step == 1 ? Opcode.INC : Opcode.DEC, refs.cell(dst), null);
                } else {
                    arithmetic(op, dst, l, r);
                }
            }
            case AND, OR, XOR -> arithmetic(op, dst, l, r);
            default -> throw new IllegalStateException(op + " must be lowered before instruction selection");
        }
    }

    /** dst ← l op r for the two-address opcodes ADD, SUB, AND, OR, XOR. */
    private void arithmetic(BinaryOp op, Var dst, Operand l, Operand r) {
        Opcode code = switch (op) {
            case ADD -> Opcode.ADD; case SUB -> Opcode.SUB; case AND -> Opcode.AND; case OR -> Opcode.OR;
            case XOR -> Opcode.XOR;
            default -> throw new IllegalStateException(op.toString());
        };
        Ref d = refs.cell(dst);
        if (Refs.aliases(dst, l)) {
            e.op(code, d, refs.of(r));                 // also right when r is dst too: x+x, x-x, x^x
        } else if (Refs.aliases(dst, r) && op.isCommutative()) {
            e.op(code, d, refs.of(l));
        } else if (Refs.aliases(dst, r)) {             // dst = l - dst
            Ref s = Refs.fixed(SCRATCH_A);
            e.op(Opcode.MOV, s, refs.of(l));
            e.op(code, s, d);
            e.op(Opcode.MOV, d, s);
        } else {
            e.op(Opcode.MOV, d, refs.of(l));
            e.op(code, d, refs.of(r));
        }
    }

    private void shiftByConstant(BinaryOp op, Var dst, Operand l, int count) {
        int bits = refs.bits();
        Ref d = refs.cell(dst);
        if (op == BinaryOp.SHL && count >= bits) {
            e.op(Opcode.MOV, d, Refs.fixed(ZERO));
            return;
        }
        into(dst, l);
        if (op == BinaryOp.SHR && count >= bits - 1 && count > 2) {
            signFill(d);
            return;
        }
        for (int k = 0; k < count; k++) e.op(op == BinaryOp.SHL ? Opcode.SHL : Opcode.SHR, d, null);
    }

    /** x ← (x < 0) ? -1 : 0, what any arithmetic shift by N - 1 or more gives. */
    private void signFill(Ref x) {
        e.op(Opcode.AND, x, Refs.fixed(SIGN));
        e.op(Opcode.CMOV, x, Refs.constant(-1));
    }

    /**
     * The count is an unsigned N-bit word: counts of N or more (negative ones included) give the
     * constant result at once, smaller ones run a loop of single-bit shifts.
     */
    private void shiftByVariable(BinaryOp op, Var dst, Operand l, Var count) {
        int bits = refs.bits();
        Ref counter = Refs.fixed(SCRATCH_B);
        Ref value = Refs.aliases(dst, count) ? Refs.fixed(SCRATCH_A) : refs.cell(dst);
        String big = e.freshLabel("shift.big"), small = e.freshLabel("shift.small");
        String loop = e.freshLabel("shift.loop"), done = e.freshLabel("shift.done");
        e.op(Opcode.MOV, counter, refs.cell(count));
        e.op(Opcode.MOV, value, refs.of(l));
        e.jump(Opcode.CMP, counter, big);                      // ≥ 2^(N-1) as unsigned
        e.op(Opcode.SUB, counter, Refs.constant(bits));         // cannot overflow: counter ≥ 0
        e.jump(Opcode.CMP, counter, small);
        e.mark(big);
        if (op == BinaryOp.SHL) e.op(Opcode.MOV, value, Refs.fixed(ZERO));
        else signFill(value);
        e.jump(done);
        e.mark(small);
        e.op(Opcode.ADD, counter, Refs.constant(bits));
        e.mark(loop);
        e.jump(Opcode.JZ, counter, done);
        e.op(op == BinaryOp.SHL ? Opcode.SHL : Opcode.SHR, value, null);
        e.op(Opcode.DEC, counter, null);
        e.jump(loop);
        e.mark(done);
        e.op(Opcode.MOV, refs.cell(dst), value);
    }

    void unary(UnaryOp op, Var dst, Operand src) {
        int bits = refs.bits();
        Ref d = refs.cell(dst);
        if (src instanceof Imm k) {
            e.op(Opcode.MOV, d, Refs.constant(op.apply(val(k), bits)));
            return;
        }
        switch (op) {
            case NEG -> {
                if (Refs.aliases(dst, src)) {                  // -x = ~x + 1
                    e.op(Opcode.XOR, d, Refs.constant(-1));
                    e.op(Opcode.INC, d, null);
                } else {
                    e.op(Opcode.MOV, d, Refs.fixed(ZERO));
                    e.op(Opcode.SUB, d, refs.of(src));
                }
            }
            case NOT -> {
                into(dst, src);
                e.op(Opcode.XOR, d, Refs.constant(-1));
            }
            case LNOT -> compare.value(CmpOp.EQ, dst, src, new Imm(0));
        }
    }

    /** dst ← src, nothing when they are the same variable. */
    private void into(Var dst, Operand src) {
        if (!Refs.aliases(dst, src)) e.op(Opcode.MOV, refs.cell(dst), refs.of(src));
    }

    private int val(Imm k) { return Word.wrap(k.value(), refs.bits()); }
}
