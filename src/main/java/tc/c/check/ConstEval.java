package tc.c.check;

import java.util.List;
import tc.c.ast.BinaryOperator;
import tc.c.ast.Chains;
import tc.c.ast.Expr;
import tc.ir.Word;

/**
 * Constant folding with {@link Word}, so that a folded value equals what the program would
 * compute at run time. Only pure expressions fold: literals, operators, conditionals and the
 * pure builtins; short-circuit and conditional operators fold when the operand that decides
 * is constant, since the other operand is then never evaluated.
 */
public final class ConstEval {
    private ConstEval() {}

    /** What folding needs to know from name resolution. */
    public interface Facts {
        /** The size in words that a checked {@code sizeof} gives (it fits an N-bit int). */
        int sizeOf(Expr.SizeOf s);

        /** The builtin a call reaches, or null when it calls a user function. */
        Builtin builtin(Expr.Call c);
    }

    /** The value of {@code e} as an N-bit word, or null when it is not a constant. */
    public static Integer eval(Expr e, int bits, Facts facts) {
        return switch (e) {
            case Expr.IntLit lit -> literal(lit, bits);
            case Expr.Unary u -> {
                Integer v = eval(u.operand(), bits, facts);
                if (v == null) yield null;
                yield switch (u.op()) {
                    case NEG -> Word.neg(v, bits);
                    case PLUS -> v;
                    case BIT_NOT -> Word.not(v, bits);
                    case LOGICAL_NOT -> v == 0 ? 1 : 0;
                };
            }
            case Expr.Binary b -> binary(b, bits, facts);
            case Expr.Conditional c -> {
                Integer cond = eval(c.cond(), bits, facts);
                if (cond == null) yield null;
                yield eval(cond != 0 ? c.then() : c.otherwise(), bits, facts);
            }
            case Expr.Call call -> builtin(call, bits, facts);
            case Expr.SizeOf size -> facts.sizeOf(size);
            case Expr.Name n -> null;
            case Expr.Index i -> null;
            case Expr.Subscript i -> null;
            case Expr.Deref d -> null;
            case Expr.AddrOf a -> null;
            case Expr.StringLit s -> null;
            case Expr.Assign a -> null;
            case Expr.IncDec d -> null;
            // C: a comma expression is never a constant expression, even of constants.
            case Expr.Comma c -> null;
        };
    }

    /** A literal's word: decimal values are range-checked elsewhere; hex patterns are reinterpreted. */
    public static int literal(Expr.IntLit lit, int bits) { return Word.wrap(lit.value(), bits); }

    /** Folds a left-associative chain from its first operand up, in a loop (a chain is as deep as it is long). */
    private static Integer binary(Expr.Binary top, int bits, Facts facts) {
        List<Expr.Binary> spine = Chains.leftSpine(top);
        Integer l = eval(spine.get(spine.size() - 1).left(), bits, facts);
        for (int k = spine.size() - 1; k >= 0 && l != null; k--) l = step(spine.get(k), l, bits, facts);
        return l;
    }

    /**
     * The value of {@code b} given the value {@code l} of its left operand, or null when it is not
     * a constant; lets a pass that walks a chain in a loop fold it link by link.
     */
    public static Integer step(Expr.Binary b, int l, int bits, Facts facts) {
        if (b.op().isLogical()) {
            boolean decided = b.op() == BinaryOperator.LOGICAL_AND ? l == 0 : l != 0;
            if (decided) return b.op() == BinaryOperator.LOGICAL_AND ? 0 : 1;
            Integer r = eval(b.right(), bits, facts);
            return r == null ? null : (r != 0 ? 1 : 0);
        }
        Integer r = eval(b.right(), bits, facts);
        if (r == null) return null;
        return apply(b.op(), l, r, bits);
    }

    /** One non-short-circuit operator on two words. */
    public static int apply(BinaryOperator op, int l, int r, int bits) {
        return switch (op) {
            case LOGICAL_AND -> (l != 0 && r != 0) ? 1 : 0;
            case LOGICAL_OR -> (l != 0 || r != 0) ? 1 : 0;
            default -> op.toIr().apply(l, r, bits);
        };
    }

    private static Integer builtin(Expr.Call call, int bits, Facts facts) {
        Builtin b = facts.builtin(call);
        if (b == null || b.device() != null || !b.returnsValue() || call.args().size() != b.arity()) return null;
        Integer x = eval(call.args().get(0), bits, facts);
        if (x == null) return null;
        if (b == Builtin.ABS) return x < 0 ? Word.neg(x, bits) : x;
        Integer y = eval(call.args().get(1), bits, facts);
        if (y == null) return null;
        return switch (b) {
            case MIN -> Math.min(x, y);
            case MAX -> Math.max(x, y);
            default -> Word.mul(x, y, bits);
        };
    }
}
