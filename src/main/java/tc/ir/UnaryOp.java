package tc.ir;

/** One-operand operations: {@code -x}, {@code ~x}, {@code !x} (0 or 1). */
public enum UnaryOp {
    NEG("-"), NOT("~"), LNOT("!");

    private final String symbol;

    UnaryOp(String symbol) { this.symbol = symbol; }

    public String symbol() { return symbol; }
}
