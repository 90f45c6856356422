package tc.c.lower;

import java.util.List;
import tc.c.ast.Chains;
import tc.c.ast.Expr;
import tc.c.check.Builtin;
import tc.c.check.ConstEval;

/** Whether evaluating an expression can change a variable or produce output. */
final class SideEffects {
    private SideEffects() {}

    static boolean of(Expr e, ConstEval.Facts facts) {
        return switch (e) {
            case Expr.IntLit l -> false;
            case Expr.Name n -> false;
            case Expr.Index i -> of(i.index(), facts);
            case Expr.Subscript sub -> of(sub.base(), facts) || of(sub.index(), facts);
            case Expr.Deref d -> of(d.operand(), facts);
            case Expr.AddrOf a -> of(a.operand(), facts);
            case Expr.StringLit str -> false;
            case Expr.Unary u -> of(u.operand(), facts);
            case Expr.Binary b -> {
                // Loop over a left-associative chain's operands rather than recurse down it.
                List<Expr.Binary> spine = Chains.leftSpine(b);
                if (of(spine.get(spine.size() - 1).left(), facts)) yield true;
                yield spine.stream().anyMatch(link -> of(link.right(), facts));
            }
            case Expr.Assign a -> true;
            case Expr.IncDec d -> true;
            case Expr.Conditional c -> of(c.cond(), facts) || of(c.then(), facts) || of(c.otherwise(), facts);
            case Expr.SizeOf s -> false; // never evaluated
            case Expr.Comma c -> c.items().stream().anyMatch(arg -> of(arg, facts));
            case Expr.Call c -> {
                Builtin b = facts.builtin(c);
                if (b == null || b == Builtin.SWAP || b == Builtin.OUTPUT || b.device() != null) yield true;
                yield c.args().stream().anyMatch(arg -> of(arg, facts));
            }
        };
    }
}
