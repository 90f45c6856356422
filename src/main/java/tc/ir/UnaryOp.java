package tc.ir;


/** One-operand operations: {@code -x}, {@code ~x}, {@code !x} (0 or 1). */
public enum UnaryOp {
    NEG("-"), NOT("~"), LNOT("!");

    private final String symbol;

    UnaryOp(String symbol) { this.symbol = symbol; }

    public String symbol() { return symbol; }

    /** The result of this operator on an N-bit word. */
    public int apply(int x, int bits) {
        return switch (this) {
            case NEG -> Word.neg(x, bits);
            case NOT -> Word.not(x, bits);
            case LNOT -> x == 0 ? 1 : 0;
        };
    }
}
