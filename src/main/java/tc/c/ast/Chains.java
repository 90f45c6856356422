package tc.c.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Left-associative chains. {@code a + b + … + z} parses to a tree whose left spine is as long as
 * the chain, so a pass that recursed into left operands would need stack in proportion to the
 * source's length; passes walk the spine with these helpers instead, in a loop.
 */
public final class Chains {
    private Chains() {}

    /** {@code top} and the binary nodes down its left operands, top first. */
    public static List<Expr.Binary> leftSpine(Expr.Binary top) {
        return leftSpine(top, b -> true);
    }

    /**
     * {@code top} and the binary nodes down its left operands for as long as {@code joins}
     * accepts them, top first; the last node's left operand is where the chain begins.
     */
    public static List<Expr.Binary> leftSpine(Expr.Binary top, Predicate<Expr.Binary> joins) {
        List<Expr.Binary> spine = new ArrayList<>();
        spine.add(top);
        Expr e = top.left();
        while (e instanceof Expr.Binary b && joins.test(b)) {
            spine.add(b);
            e = b.left();
        }
        return spine;
    }
}
