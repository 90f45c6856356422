package tc.ir;


/** Two-operand operations; comparisons produce 0 or 1. Semantics: {@link tc.ir.Word}. */
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

    /** The result of this operator on two N-bit words: the one definition front end, back end and IR interpreter share. */
    public int apply(int a, int b, int bits) {
        return switch (this) {
            case ADD -> Word.add(a, b, bits);
            case SUB -> Word.sub(a, b, bits);
            case MUL -> Word.mul(a, b, bits);
            case DIV -> Word.div(a, b, bits);
            case MOD -> Word.mod(a, b, bits);
            case AND -> a & b;
            case OR -> a | b;
            case XOR -> a ^ b;
            case SHL -> Word.shl(a, b, bits);
            case SHR -> Word.shr(a, b, bits);
            default -> toCmp().test(a, b) ? 1 : 0;
        };
    }

    public boolean isCommutative() {
        return this == ADD || this == MUL || this == AND || this == OR || this == XOR || this == EQ || this == NE;
    }
}
