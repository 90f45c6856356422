package tc.c.ast;

import java.util.List;
import tc.source.SourcePos;

/** Statements; pos is the first token's. */
public sealed interface Stmt {
    SourcePos pos();

    record ExprStmt(Expr expr, SourcePos pos) implements Stmt {}

    /** {@code int a, b[3] = {...};} inside a block or a for-init. */
    record Declaration(List<VarDecl> vars, SourcePos pos) implements Stmt {
        public Declaration { vars = List.copyOf(vars); }
    }

    /** otherwise is null without an else. */
    record If(Expr cond, Stmt then, Stmt otherwise, SourcePos pos) implements Stmt {}

    record While(Expr cond, Stmt body, SourcePos pos) implements Stmt {}

    record DoWhile(Stmt body, Expr cond, SourcePos pos) implements Stmt {}

    /**
     * {@code for (init; cond; update) body}: init is null, an {@link ExprStmt} or a
     * {@link Declaration}; cond may be null; updates holds the update expression, if any (a
     * comma expression when the header lists several).
     */
    record For(Stmt init, Expr cond, List<Expr> updates, Stmt body, SourcePos pos) implements Stmt {
        public For { updates = List.copyOf(updates); }
    }

    /** value is null for a bare {@code return;}. */
    record Return(Expr value, SourcePos pos) implements Stmt {}

    /**
     * {@code switch (selector) { … }}: the body's statements in order, with {@link Case} labels
     * among them (directly in the braces, not nested deeper); control enters at the matching
     * label and falls through the rest until a {@code break}.
     */
    record Switch(Expr selector, List<Stmt> body, SourcePos pos) implements Stmt {
        public Switch { body = List.copyOf(body); }
    }

    /** {@code case value:} or, when value is null, {@code default:}; a label, not a statement of its own. */
    record Case(Expr value, SourcePos pos) implements Stmt {}

    record Break(SourcePos pos) implements Stmt {}

    record Continue(SourcePos pos) implements Stmt {}

    record Block(List<Stmt> body, SourcePos pos) implements Stmt {
        public Block { body = List.copyOf(body); }
    }

    record Empty(SourcePos pos) implements Stmt {}
}
