package tc.c.lower;

import java.util.List;
import tc.c.ast.Chains;
import tc.c.ast.Expr;
import tc.c.check.Builtin;

/** Whether evaluating an expression can change a variable or produce output. */
final class SideEffects {
    private SideEffects() {}

    static boolean of(Expr e) {
        return switch (e) {
            case Expr.IntLit l -> false;
            case Expr.Name n -> false;
            case Expr.Index i -> of(i.index());
            case Expr.Unary u -> of(u.operand());
            case Expr.Binary b -> {
                // Loop over a left-associative chain's operands rather than recurse down it.
                List<Expr.Binary> spine = Chains.leftSpine(b);
                if (of(spine.get(spine.size() - 1).left())) yield true;
                yield spine.stream().anyMatch(link -> of(link.right()));
            }
            case Expr.Assign a -> true;
            case Expr.IncDec d -> true;
            case Expr.Conditional c -> of(c.cond()) || of(c.then()) || of(c.otherwise());
            case Expr.SizeOf s -> false; // never evaluated
            case Expr.Comma c -> c.items().stream().anyMatch(SideEffects::of);
            case Expr.Call c -> {
                Builtin b = Builtin.byName(c.name());
                if (b == null || b == Builtin.SWAP || b == Builtin.OUTPUT || b.device() != null) yield true;
                yield c.args().stream().anyMatch(SideEffects::of);
            }
        };
    }
}
