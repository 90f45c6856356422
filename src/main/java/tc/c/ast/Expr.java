package tc.c.ast;

import java.util.List;
import tc.source.SourcePos;

/** Expressions. Every node carries the position of the token that best names it in a diagnostic. */
public sealed interface Expr {
    SourcePos pos();

    /** Where the expression's text begins (its leftmost token), for diagnostics about the whole of it. */
    default SourcePos start() {
        Expr e = this;
        while (true) {
            switch (e) {
                case Binary b -> e = b.left();
                case Assign a -> e = a.target();
                case IncDec d when !d.prefix() -> e = d.target();
                case Conditional c -> e = c.cond();
                case Comma c -> e = c.items().get(0);
                case Subscript s -> e = s.base();
                default -> { return e.pos(); }
            }
        }
    }

    /**
     * A decimal, hex or character literal. A minus sign written directly before a decimal literal
     * belongs to it ({@code -128} is one literal), as the language's range rule requires.
     */
    record IntLit(long value, boolean hex, String text, SourcePos pos) implements Expr {}

    /** A use of a variable by name. */
    record Name(String name, SourcePos pos) implements Expr {}

    /** {@code array[index]}; pos is the array name's. */
    record Index(Name array, Expr index, SourcePos pos) implements Expr {}

    record Unary(UnaryOperator op, Expr operand, SourcePos pos) implements Expr {}

    /** pos is the operator's. */
    record Binary(BinaryOperator op, Expr left, Expr right, SourcePos pos) implements Expr {}

    /** {@code target = value}, or a compound assignment when op is non-null; pos is the operator's. */
    record Assign(BinaryOperator op, Expr target, Expr value, SourcePos pos) implements Expr {}

    /** {@code ++x}, {@code x--} and so on; pos is the operator's. */
    record IncDec(boolean increment, boolean prefix, Expr target, SourcePos pos) implements Expr {}

    /** {@code cond ? then : otherwise}; pos is the {@code ?}'s. */
    record Conditional(Expr cond, Expr then, Expr otherwise, SourcePos pos) implements Expr {}

    /**
     * The comma operator {@code a, b, c}: the items left to right, each but the last for its
     * effects, the last giving the value. Kept flat, so a long list costs no nesting.
     * pos is the first comma's.
     */
    record Comma(List<Expr> items, SourcePos pos) implements Expr {
        public Comma { items = List.copyOf(items); }
    }

    /**
     * {@code sizeof operand}, or {@code sizeof(int)} when operand is null: the size in words
     * (memory is word-addressed, so an int is 1), a constant; the operand is never evaluated.
     * pos is the keyword's.
     */
    record SizeOf(Expr operand, SourcePos pos) implements Expr {}

    /** A string literal: a zero-terminated array of its character codes, one word each; pos is the opening quote's. */
    record StringLit(String chars, SourcePos pos) implements Expr {
        /** The words of the array: each character's code, then 0. */
        public int[] words() {
            int[] w = new int[chars.length() + 1];
            for (int k = 0; k < chars.length(); k++) w[k] = chars.charAt(k);
            return w;
        }
    }

    /** {@code *operand}: the int a pointer points at; pos is the star's. */
    record Deref(Expr operand, SourcePos pos) implements Expr {}

    /** {@code &operand}: the address of an int lvalue; pos is the ampersand's. */
    record AddrOf(Expr operand, SourcePos pos) implements Expr {}

    /**
     * {@code base[index]} where base is not a plain name: {@code g[i][j]} (base {@code g[i]}) or
     * {@code (p + 1)[k]}; pos is the bracket's.
     */
    record Subscript(Expr base, Expr index, SourcePos pos) implements Expr {}

    /** A call of a user function or a builtin; pos is the name's. */
    record Call(String name, List<Expr> args, SourcePos pos) implements Expr {
        public Call { args = List.copyOf(args); }
    }
}
