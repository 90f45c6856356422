package tc.ir;

/** Two-operand operations; comparisons produce 0 or 1. Semantics: {@link tc.isa.Word}. */
public enum BinaryOp {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"), AND("&"), OR("|"), XOR("^"), SHL("<<"), SHR(">>"),
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    BinaryOp(String symbol) { this.symbol = symbol; }

    public String symbol() { return symbol; }

    public boolean isComparison() { return ordinal() >= EQ.ordinal(); }

    /** The comparison this op is, for ops that are comparisons. */
    public CmpOp toCmp() {
        return switch (this) {
            case EQ -> CmpOp.EQ; case NE -> CmpOp.NE; case LT -> CmpOp.LT;
            case LE -> CmpOp.LE; case GT -> CmpOp.GT; case GE -> CmpOp.GE;
            default -> throw new IllegalStateException(this + " is not a comparison");
        };
    }

    public boolean isCommutative() {
        return this == ADD || this == MUL || this == AND || this == OR || this == XOR || this == EQ || this == NE;
    }
}
