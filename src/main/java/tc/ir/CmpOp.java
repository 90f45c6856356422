package tc.ir;

/** Signed comparisons used by {@link Instr.Branch}. */
public enum CmpOp {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    CmpOp(String symbol) { this.symbol = symbol; }

    public String symbol() { return symbol; }

    /** The comparison that is true exactly when this one is false. */
    public CmpOp negate() {
        return switch (this) { case EQ -> NE; case NE -> EQ; case LT -> GE; case GE -> LT; case LE -> GT; case GT -> LE; };
    }

    /** The comparison with operands exchanged: {@code a < b} ⇔ {@code b > a}. */
    public CmpOp swap() {
        return switch (this) { case EQ -> EQ; case NE -> NE; case LT -> GT; case GT -> LT; case LE -> GE; case GE -> LE; };
    }

    public boolean test(int a, int b) {
        return switch (this) {
            case EQ -> a == b; case NE -> a != b; case LT -> a < b; case LE -> a <= b; case GT -> a > b; case GE -> a >= b;
        };
    }
}
