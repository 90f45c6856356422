package tc.c.lex;

import tc.source.SourcePos;

/**
 * One token.
 *
 * @param kind  what it is
 * @param text  its source text; for a string literal, the characters it denotes (escapes decoded, no quotes)
 * @param pos   where it starts
 * @param value for literals: the number written (decimal values past {@code Long.MAX_VALUE}
 *              saturate; range checks happen later, once the word width is known)
 */
public record Token(TokenKind kind, String text, SourcePos pos, long value) {

    /** True for {@code 0x..} literals, which may name any N-bit pattern. */
    public boolean isHex() { return kind == TokenKind.INT_LIT && text.length() > 1 && (text.charAt(1) == 'x' || text.charAt(1) == 'X'); }

    /** How a diagnostic quotes this token. */
    public String describe() {
        return switch (kind) {
            case EOF -> "end of file";
            case IDENT, INT_LIT, CHAR_LIT -> "'" + text + "'";
            case STRING_LIT -> "a string literal";
            case INT -> "'" + text + "'"; // 'int' or its synonym 'char'
            default -> "'" + kind.spelling() + "'";
        };
    }
}
