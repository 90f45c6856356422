package tc.difftest;

import java.util.List;

/**
 * The generator's own small AST of a C-subset program. It is printed twice, once in our dialect
 * ({@link DialectPrinter}) and once as gcc C with exact N-bit semantics ({@link GccPrinter}), so the
 * two texts cannot drift apart.
 */
final class GenAst {
    private GenAst() {}

    enum BinOp {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"), AND("&"), OR("|"), XOR("^"), SHL("<<"), SHR(">>"),
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), LAND("&&"), LOR("||");

        final String token;

        BinOp(String token) { this.token = token; }

        /** Operators usable in a compound assignment ({@code op=}). */
        boolean compoundable() { return ordinal() <= SHR.ordinal(); }
    }

    enum UnOp {
        NEG("-"), BITNOT("~"), NOT("!");

        final String token;

        UnOp(String token) { this.token = token; }
    }

    enum Builtin { ABS, MIN, MAX, MUL }

    /** CHAR prints a character literal (an escape where C needs or allows one), CHAR_HEX a {@code '\\xHH'}. */
    enum LitStyle { DECIMAL, HEX, CHAR, CHAR_HEX }

    /** A pure expression: nothing in it writes memory, so evaluation order cannot matter. */
    sealed interface Expr permits Lit, Var, Elem, Unary, Binary, Cond, Call, Comma, Deref, Address, AddressOf, PtrDiff, PtrCmp {}

    record Lit(int value, LitStyle style) implements Expr {}

    record Var(String name, boolean global) implements Expr {}

    /** An array element; the generator builds {@code index} so it is always in bounds. */
    record Elem(String array, boolean global, Expr index) implements Expr {}

    record Unary(UnOp op, Expr operand) implements Expr {}

    record Binary(BinOp op, Expr left, Expr right) implements Expr {}

    record Cond(Expr test, Expr then, Expr otherwise) implements Expr {}

    record Call(Builtin fn, List<Expr> args) implements Expr {}

    /** {@code (left, right)}: both pure, so only the value (right's) can show. */
    record Comma(Expr left, Expr right) implements Expr {}

    /** {@code *pointer}: the int a pointer parameter points at (a scalar or an element the caller chose). */
    record Deref(String pointer) implements Expr {}

    /**
     * {@code array + offset}: an address inside (or one past) an array; a pointer, so it appears
     * only as an argument for an array parameter and in {@link PtrDiff}, {@link PtrCmp}, {@link PtrWalk}.
     */
    record Address(String array, boolean global, Expr offset) implements Expr {}

    /** {@code &place}: a scalar or a constant-index element, as the argument of a pointer parameter. */
    record AddressOf(Expr place) implements Expr {}

    /** {@code left - right} of two addresses in one array: an int. */
    record PtrDiff(Address left, Address right) implements Expr {}

    /** {@code left op right}, a comparison of two addresses in one array. */
    record PtrCmp(BinOp op, Address left, Address right) implements Expr {}

    sealed interface Stmt permits Decl, ArrayDecl, Assign, Step, AssignStep, CallStmt, Output, Swap, If, Loop,
            Break, Continue, Return, Sequence, Switch, PtrWalk {}

    /** {@code for (int *pointer = from; pointer < from + length; pointer++) target += *pointer;} */
    record PtrWalk(String pointer, Address from, int length, Var target) implements Stmt {}

    /** {@code int name [= init];} (no initializer: the dialect promises 0). */
    record Decl(String name, Expr init) implements Stmt {}

    /** {@code int name[size] [= {init...}];} (a short list is zero-filled, as in C). */
    record ArrayDecl(String name, boolean global, int size, List<Integer> init) implements Stmt {}

    /** {@code target = value;} or, with op, {@code target op= value;}. */
    record Assign(Expr target, BinOp op, Expr value) implements Stmt {}

    /** {@code target++;}, {@code --target;} … as a statement. */
    record Step(Expr target, boolean increment, boolean prefix) implements Stmt {}

    /** {@code dest = operand++;} and friends; {@code dest} is a scalar other than the operand. */
    record AssignStep(Var dest, Expr operand, boolean increment, boolean prefix) implements Stmt {}

    /** {@code [target =] f(args);}: user calls only as whole statements, so no order questions. */
    record CallStmt(Expr target, String function, List<Expr> args) implements Stmt {}

    record Output(Expr value) implements Stmt {}

    /** {@code swap(a, b);} on two distinct scalars or constant-index elements. */
    record Swap(Expr a, Expr b) implements Stmt {}

    record If(Expr test, List<Stmt> then, List<Stmt> otherwise) implements Stmt {}

    enum LoopKind { FOR_UP, FOR_DOWN, WHILE, DO_WHILE }

    /**
     * A loop bounded by construction: {@code counter} runs over at most {@code bound} values and the
     * body never assigns it. FOR_UP: {@code for (c = 0; c < bound [&& extra]; c += stride)};
     * FOR_DOWN: {@code for (c = bound; c > 0 [&& extra]; c--)}; WHILE and DO_WHILE step the counter
     * first thing in the body so {@code continue} cannot skip it.
     */
    record Loop(LoopKind kind, String counter, int bound, int stride, Expr extra, List<Stmt> body) implements Stmt {}

    /** {@code a, b, c;}: simple statements ({@link Assign}, {@link Step}) joined by the comma operator, run left to right. */
    record Sequence(List<Stmt> parts) implements Stmt {}

    /**
     * {@code switch (selector) { case v: { body } … }}; a case whose body does not end in a
     * {@link Break} falls through into the next. value null is {@code default}.
     */
    record Switch(Expr selector, List<SwitchCase> cases) implements Stmt {}

    record SwitchCase(Integer value, List<Stmt> body) {}

    record Break() implements Stmt {}

    record Continue() implements Stmt {}

    /** {@code return [value];} (value null in a void function). */
    record Return(Expr value) implements Stmt {}

    /** A global scalar ({@code init} may be null) or a global array. */
    record Global(String name, Integer init, ArrayDecl array) {}

    /**
     * Parameters in order: the ints, then the arrays ({@code int a0[]} or {@code int *a1}, passed by
     * reference), then the pointers to one int ({@code int *r0}).
     */
    record Function(String name, boolean isVoid, List<String> params, List<Stmt> body, List<String> arrayParams, List<String> pointerParams) {
        Function(String name, boolean isVoid, List<String> params, List<Stmt> body) { this(name, isVoid, params, body, List.of(), List.of()); }
    }

    /** main is the last function. */
    record Program(int bits, List<Global> globals, List<Function> functions) {}
}
