package tc.c.ast;

/** Prefix operators other than {@code ++}/{@code --}. */
public enum UnaryOperator {
    NEG("-"), PLUS("+"), BIT_NOT("~"), LOGICAL_NOT("!");

    private final String symbol;

    UnaryOperator(String symbol) { this.symbol = symbol; }

    public String symbol() { return symbol; }
}
