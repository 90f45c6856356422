package tc.computer.asm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import tc.source.CompileException;
import tc.source.SourceFile;
import tc.source.SourcePos;

/** Splits one line of Tensor Computer assembly into tokens with 1-based columns; comments start at ';' or '#'. */
final class TcAsmLexer {
    enum Kind { IDENT, NUMBER, DIRECTIVE, COMMA, COLON, LPAREN, RPAREN }

    /**
     * A token. For NUMBER, {@code value} is the number as written and {@code hex} whether it was
     * hexadecimal; numbers far beyond 32 bits are rejected here, the exact range by the reader.
     */
    record Token(Kind kind, String text, long value, boolean hex, SourcePos pos) {
        boolean is(Kind k) { return kind == k; }
    }

    private TcAsmLexer() {}

    static List<Token> lex(SourceFile file, int lineNumber, String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            SourcePos at = new SourcePos(lineNumber, i + 1);
            if (ch == ' ' || ch == '\t' || ch == '\r') { i++; continue; }
            if (ch == ';' || ch == '#') break;
            int start = i;
            switch (ch) {
                case ',' -> { tokens.add(new Token(Kind.COMMA, ",", 0, false, at)); i++; }
                case ':' -> { tokens.add(new Token(Kind.COLON, ":", 0, false, at)); i++; }
                case '(' -> { tokens.add(new Token(Kind.LPAREN, "(", 0, false, at)); i++; }
                case ')' -> { tokens.add(new Token(Kind.RPAREN, ")", 0, false, at)); i++; }
                case '.' -> {
                    i++;
                    while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) i++;
                    if (i == start + 1) throw new CompileException(file, at, "expected a directive name after '.'");
                    tokens.add(new Token(Kind.DIRECTIVE, text.substring(start, i), 0, false, at));
                }
                default -> {
                    if (ch == '-' || ch == '+' || Character.isDigit(ch)) {
                        i = number(file, text, i, at, tokens);
                    } else if (isIdentStart(ch)) {
                        while (i < text.length() && isIdentPart(text.charAt(i))) i++;
                        tokens.add(new Token(Kind.IDENT, text.substring(start, i), 0, false, at));
                    } else {
                        throw new CompileException(file, at, "unexpected character '" + ch + "'");
                    }
                }
            }
        }
        return tokens;
    }

    private static int number(SourceFile file, String text, int i, SourcePos at, List<Token> tokens) {
        int start = i;
        boolean negative = text.charAt(i) == '-';
        if (text.charAt(i) == '-' || text.charAt(i) == '+') i++;
        boolean hex = i + 1 < text.length() && text.charAt(i) == '0' && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X');
        if (hex) i += 2;
        int digits = i;
        while (i < text.length() && (hex ? Character.digit(text.charAt(i), 16) >= 0 : Character.isDigit(text.charAt(i)))) i++;
        if (i < text.length() && isIdentPart(text.charAt(i)) || i == digits)
            throw new CompileException(file, at, "malformed number '" + word(text, start) + "'");
        String literal = text.substring(start, i);
        BigInteger magnitude = new BigInteger(text.substring(digits, i), hex ? 16 : 10);
        BigInteger value = negative ? magnitude.negate() : magnitude;
        if (value.bitLength() > 40)  // far outside any 32-bit reading; the parser reports the exact range
            throw new CompileException(file, at, "number " + literal + " is out of the 32-bit range");
        tokens.add(new Token(Kind.NUMBER, literal, value.longValueExact(), hex, at));
        return i;
    }

    private static String word(String text, int start) {
        int end = start + 1;
        while (end < text.length() && isIdentPart(text.charAt(end))) end++;
        return text.substring(start, end);
    }

    static boolean isIdentStart(char ch) { return Character.isLetter(ch) || ch == '_' || ch == '$'; }

    static boolean isIdentPart(char ch) { return Character.isLetterOrDigit(ch) || ch == '_' || ch == '$' || ch == '.'; }
}
