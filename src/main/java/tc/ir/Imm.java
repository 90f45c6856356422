package tc.ir;

/** An immediate N-bit word, already wrapped to the program's word width. */
public record Imm(int value) implements Operand {
    @Override public String toString() { return Integer.toString(value); }
}
