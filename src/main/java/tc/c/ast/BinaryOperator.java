package tc.c.ast;

/** The two-operand operators of the source language, including the short-circuit ones. */
public enum BinaryOperator {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"), AND("&"), OR("|"), XOR("^"), SHL("<<"), SHR(">>"),
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), LOGICAL_AND("&&"), LOGICAL_OR("||");

    private final String symbol;

    BinaryOperator(String symbol) { this.symbol = symbol; }

    public String symbol() { return symbol; }

    public boolean isComparison() { return ordinal() >= EQ.ordinal() && ordinal() <= GE.ordinal(); }

    public boolean isLogical() { return this == LOGICAL_AND || this == LOGICAL_OR; }
}
