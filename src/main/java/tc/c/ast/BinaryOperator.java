package tc.c.ast;

import tc.ir.BinaryOp;

/** The two-operand operators of the source language, including the short-circuit ones. */
public enum BinaryOperator {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"), AND("&"), OR("|"), XOR("^"), SHL("<<"), SHR(">>"),
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), LOGICAL_AND("&&"), LOGICAL_OR("||");

    private final String symbol;

    BinaryOperator(String symbol) { this.symbol = symbol; }

    public String symbol() { return symbol; }

    public boolean isComparison() { return ordinal() >= EQ.ordinal() && ordinal() <= GE.ordinal(); }

    public boolean isLogical() { return this == LOGICAL_AND || this == LOGICAL_OR; }

    /** The IR operator with the same meaning; short-circuit operators have none (they become branches). */
    public BinaryOp toIr() {
        return switch (this) {
            case ADD -> BinaryOp.ADD; case SUB -> BinaryOp.SUB; case MUL -> BinaryOp.MUL; case DIV -> BinaryOp.DIV;
            case MOD -> BinaryOp.MOD; case AND -> BinaryOp.AND; case OR -> BinaryOp.OR; case XOR -> BinaryOp.XOR;
            case SHL -> BinaryOp.SHL; case SHR -> BinaryOp.SHR; case EQ -> BinaryOp.EQ; case NE -> BinaryOp.NE;
            case LT -> BinaryOp.LT; case LE -> BinaryOp.LE; case GT -> BinaryOp.GT; case GE -> BinaryOp.GE;
            case LOGICAL_AND, LOGICAL_OR -> throw new IllegalStateException("short-circuit operators are lowered to branches");
        };
    }
}
