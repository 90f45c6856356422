package tc.loom.backend;

import static tc.loom.backend.MemoryLayout.ONE;
import static tc.loom.backend.MemoryLayout.SCRATCH_A;
import static tc.loom.backend.MemoryLayout.ZERO;

import tc.ir.CmpOp;
import tc.ir.Imm;
import tc.ir.Operand;
import tc.ir.Var;
import tc.ir.Word;
import tc.loom.backend.Asm.Ref;
import tc.loom.isa.Opcode;

/**
 * Signed comparisons, exact for every pair of N-bit words. Loom can only test a single word (zero,
 * non-zero, negative), and {@code l - r} overflows when the signs of l and r differ, so the code
 * first asks whether the signs differ: if they do, the sign of l alone decides; if not, the
 * difference cannot overflow. Equality needs no such care ({@code l ^ r} is zero exactly when equal).
 *
 * <p>Only scratch cell A is used, so callers may keep a value in scratch cell B.
 */
final class CompareSelector {
    private final Emitter e;
    private final Refs refs;

    CompareSelector(Emitter e, Refs refs) {
        this.e = e;
        this.refs = refs;
    }

    /** Jumps to {@code target} when {@code l op r}; falls through otherwise. Reads l and r before anything is written. */
    void branch(CmpOp op, Operand l, Operand r, String target) {
        if (l instanceof Imm a && r instanceof Imm b) {
            if (op.test(val(a), val(b))) e.jump(target);
            return;
        }
        if (l instanceof Var a && r instanceof Var b && a == b) {
            if (op.test(0, 0)) e.jump(target);
            return;
        }
        if (isZero(r)) { branchOnSign(op, l, target); return; }
        if (isZero(l)) { branchOnSign(op.swap(), r, target); return; }
        Ref scratch = Refs.fixed(SCRATCH_A);
        if (op == CmpOp.EQ || op == CmpOp.NE) {
            e.op(Opcode.MOV, scratch, refs.of(l));
            e.op(Opcode.XOR, scratch, refs.of(r));
            e.jump(op == CmpOp.EQ ? Opcode.JZ : Opcode.JNZ, scratch, target);
            return;
        }
        String differ = e.freshLabel("cmp.differ"), end = e.freshLabel("cmp.end");
        jumpIfSignsDiffer(l, r, differ);
        e.op(Opcode.MOV, scratch, refs.of(l));
        e.op(Opcode.SUB, scratch, refs.of(r));
        branchOnSign(op, scratch, target);
        e.jump(end);
        e.mark(differ);
        // l and r differ (in sign, hence in value): l < r exactly when l is negative
        boolean lessWins = op == CmpOp.LT || op == CmpOp.LE;
        branchOnSign(lessWins ? CmpOp.LT : CmpOp.GE, l, target);
        e.mark(end);
    }

    /** dst ← (l op r) ? 1 : 0, correct when dst is l or r. */
    void value(CmpOp op, Var dst, Operand l, Operand r) {
        Ref d = refs.cell(dst);
        if (l instanceof Imm a && r instanceof Imm b) {
            e.op(Opcode.MOV, d, Refs.fixed(op.test(val(a), val(b)) ? ONE : ZERO));
            return;
        }
        String end = e.freshLabel("cmp.value");
        if (Refs.aliases(dst, l) || Refs.aliases(dst, r)) {
            String yes = e.freshLabel("cmp.true");
            branch(op, l, r, yes);
            e.op(Opcode.MOV, d, Refs.fixed(ZERO));
            e.jump(end);
            e.mark(yes);
            e.op(Opcode.MOV, d, Refs.fixed(ONE));
        } else {
            e.op(Opcode.MOV, d, Refs.fixed(ONE));
            branch(op, l, r, end);
            e.op(Opcode.MOV, d, Refs.fixed(ZERO));
        }
        e.mark(end);
    }

    /** Jumps to {@code target} when x op 0. */
    private void branchOnSign(CmpOp op, Operand x, String target) {
        if (x instanceof Imm k) {
            if (op.test(val(k), 0)) e.jump(target);
            return;
        }
        branchOnSign(op, refs.of(x), target);
    }

    private void branchOnSign(CmpOp op, Ref x, String target) {
        switch (op) {
            case EQ -> e.jump(Opcode.JZ, x, target);
            case NE -> e.jump(Opcode.JNZ, x, target);
            case LT -> e.jump(Opcode.CMP, x, target);
            case LE -> { e.jump(Opcode.CMP, x, target); e.jump(Opcode.JZ, x, target); }
            case GE, GT -> {
                String negative = e.freshLabel("cmp.neg");
                e.jump(Opcode.CMP, x, negative);
                e.jump(op == CmpOp.GE ? Opcode.JMP : Opcode.JNZ, op == CmpOp.GE ? null : x, target);
                e.mark(negative);
            }
        }
    }

    /** Jumps to {@code target} when exactly one of l, r is negative; a constant side needs no XOR. */
    private void jumpIfSignsDiffer(Operand l, Operand r, String target) {
        if (r instanceof Imm c) { jumpIfSignIsNot(l, val(c) < 0, target); return; }
        if (l instanceof Imm c) { jumpIfSignIsNot(r, val(c) < 0, target); return; }
        Ref scratch = Refs.fixed(SCRATCH_A);
        e.op(Opcode.MOV, scratch, refs.of(l));
        e.op(Opcode.XOR, scratch, refs.of(r));
        e.jump(Opcode.CMP, scratch, target);
    }

    private void jumpIfSignIsNot(Operand x, boolean negative, String target) {
        if (!negative) {
            e.jump(Opcode.CMP, refs.of(x), target);
        } else {
            String same = e.freshLabel("cmp.same");
            e.jump(Opcode.CMP, refs.of(x), same);
            e.jump(target);
            e.mark(same);
        }
    }

    private boolean isZero(Operand o) { return o instanceof Imm k && val(k) == 0; }

    private int val(Imm k) { return Word.wrap(k.value(), refs.bits()); }
}
