package tc.loom.backend;

import java.util.ArrayList;
import java.util.List;
import tc.ir.BinaryOp;
import tc.ir.Imm;
import tc.ir.Instr;
import tc.ir.IrFunction;
import tc.ir.IrProgram;
import tc.ir.Operand;
import tc.ir.Word;

/**
 * IR → IR: Loom has no multiply or divide, so {@code *}, {@code /} and {@code %} become calls of the
 * run-time helpers {@code __mul}, {@code __div}, {@code __mod} that the front end supplies in C.
 * Operations on two immediates are folded instead, and a multiplication by a power of two becomes
 * a shift (the same word for every operand, see {@link Word#shl}).
 */
final class MulDivLowering {
    private MulDivLowering() {}

    static final String MUL = "__mul", DIV = "__div", MOD = "__mod";

    static IrProgram lower(IrProgram program) {
        int bits = program.wordBits();
        List<IrFunction> out = new ArrayList<>();
        for (IrFunction f : program.functions()) {
            List<Instr> body = new ArrayList<>(f.body().size());
            for (Instr i : f.body()) body.add(i instanceof Instr.Binary b ? lower(b, bits) : i);
            out.add(new IrFunction(f.name(), f.params(), f.locals(), body, f.returnsValue(), f.pos()));
        }
        return new IrProgram(bits, program.globals(), out, program.source());
    }

    private static Instr lower(Instr.Binary b, int bits) {
        String helper = switch (b.op()) {
            case MUL -> MUL;
            case DIV -> DIV;
            case MOD -> MOD;
            default -> null;
        };
        if (helper == null) return b;
        if (b.left() instanceof Imm l && b.right() instanceof Imm r) {
            int v = switch (b.op()) {
                case MUL -> Word.mul(l.value(), r.value(), bits);
                case DIV -> Word.div(l.value(), r.value(), bits);
                default -> Word.mod(l.value(), r.value(), bits);
            };
            return new Instr.Move(b.dst(), new Imm(v));
        }
        if (b.op() == BinaryOp.MUL) {
            Instr shift = multiplyByPowerOfTwo(b, b.left(), b.right(), bits);
            if (shift == null) shift = multiplyByPowerOfTwo(b, b.right(), b.left(), bits);
            if (shift != null) return shift;
        }
        return new Instr.Call(b.dst(), helper, List.of(b.left(), b.right()));
    }

    private static Instr multiplyByPowerOfTwo(Instr.Binary b, Operand x, Operand factor, int bits) {
        if (!(factor instanceof Imm f) || f.value() <= 0 || Integer.bitCount(f.value()) != 1) return null;
        return new Instr.Binary(BinaryOp.SHL, b.dst(), x, new Imm(Integer.numberOfTrailingZeros(f.value())));
    }
}
