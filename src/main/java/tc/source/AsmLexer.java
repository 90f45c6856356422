package tc.source;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits one line of assembly into tokens with 1-based columns, for both machines' assemblers.
 * The token shapes are common (identifiers, {@code .directives}, decimal and hex numbers,
 * punctuation, a comment to the end of the line); a {@link Syntax} says which punctuation, comment
 * characters, signs and strings a machine's assembly has, and what counts as a number too large.
 */
public final class AsmLexer {
    /** Token kinds; each machine's {@link Syntax} admits only the punctuation it uses. */
    public enum Kind { IDENT, NUMBER, STRING, DIRECTIVE, AT, COMMA, COLON, EQUALS, LBRACKET, RBRACKET, LPAREN, RPAREN }

    /**
     * A token. For NUMBER, {@code value} is the number as written and {@code hex} whether it was
     * hexadecimal; for STRING, {@code text} is the unquoted, unescaped content.
     */
    public record Token(Kind kind, String text, long value, boolean hex, SourcePos pos) {
        public boolean is(Kind k) { return kind == k; }
    }

    /** The tokens of a line and the text after its comment character (null if none). */
    public record Line(int number, List<Token> tokens, String comment) {}

    /**
     * What a machine's assembly admits beyond the common shapes.
     *
     * @param punctuation  each single-character token and its kind
     * @param comments     the characters that start a comment
     * @param strings      whether {@code "quoted"} strings (with backslash escapes) are tokens
     * @param plusSign     whether a number may be written with a leading {@code +}
     * @param identExtra   characters, beyond letters, digits, '_', '$' and '.', that may continue an identifier
     * @param maxMagnitude the largest number, without its sign, the lexer lets through (the reader checks the exact range)
     * @param tooLarge     how an error completes "number X ..." for a larger one
     */
    public record Syntax(Map<Character, Kind> punctuation, String comments, boolean strings, boolean plusSign,
                         String identExtra, long maxMagnitude, String tooLarge) {
        public Syntax { punctuation = Map.copyOf(punctuation); }
    }

    private final SourceFile file;
    private final Syntax syntax;

    /** A lexer for the lines of {@code file}. */
    public AsmLexer(SourceFile file, Syntax syntax) {
        this.file = file;
        this.syntax = syntax;
    }

    /** The tokens of line {@code lineNumber}, whose text is {@code text}; a malformed token is a CompileException. */
    public Line lex(int lineNumber, String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        String comment = null;
        while (i < text.length()) {
            char ch = text.charAt(i);
            SourcePos at = new SourcePos(lineNumber, i + 1);
            if (ch == ' ' || ch == '\t' || ch == '\r') { i++; continue; }
            if (syntax.comments().indexOf(ch) >= 0) { comment = text.substring(i + 1); break; }
            int start = i;
            Kind punctuation = syntax.punctuation().get(ch);
            if (punctuation != null) {
                tokens.add(new Token(punctuation, String.valueOf(ch), 0, false, at));
                i++;
            } else if (ch == '"' && syntax.strings()) {
                i = string(text, i, at, tokens);
            } else if (ch == '.') {
                i++;
                while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) i++;
                if (i == start + 1) throw new CompileException(file, at, "expected a directive name after '.'");
                tokens.add(new Token(Kind.DIRECTIVE, text.substring(start, i), 0, false, at));
            } else if (ch == '-' || ch == '+' && syntax.plusSign() || Character.isDigit(ch)) {
                i = number(text, i, at, tokens);
            } else if (Character.isLetter(ch) || ch == '_' || ch == '$') {
                while (i < text.length() && isIdentPart(text.charAt(i))) i++;
                tokens.add(new Token(Kind.IDENT, text.substring(start, i), 0, false, at));
            } else {
                throw new CompileException(file, at, "unexpected character '" + ch + "'");
            }
        }
        return new Line(lineNumber, tokens, comment);
    }

    private int string(String text, int i, SourcePos at, List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        i++;
        while (true) {
            if (i >= text.length()) throw new CompileException(file, at, "unterminated string");
            char c = text.charAt(i++);
            if (c == '"') break;
            if (c == '\\' && i < text.length()) c = text.charAt(i++);
            sb.append(c);
        }
        tokens.add(new Token(Kind.STRING, sb.toString(), 0, false, at));
        return i;
    }

    private int number(String text, int i, SourcePos at, List<Token> tokens) {
        int start = i;
        boolean negative = text.charAt(i) == '-';
        if (negative || text.charAt(i) == '+') i++;
        boolean hex = i + 1 < text.length() && text.charAt(i) == '0' && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X');
        if (hex) i += 2;
        int digits = i;
        while (i < text.length() && (hex ? Character.digit(text.charAt(i), 16) >= 0 : Character.isDigit(text.charAt(i)))) i++;
        if (i < text.length() && isIdentPart(text.charAt(i)) || i == digits)
            throw new CompileException(file, at, "malformed number '" + word(text, start) + "'");
        String literal = text.substring(start, i);
        BigInteger magnitude = new BigInteger(text.substring(digits, i), hex ? 16 : 10);
        if (magnitude.compareTo(BigInteger.valueOf(syntax.maxMagnitude())) > 0)
            throw new CompileException(file, at, "number " + literal + " " + syntax.tooLarge());
        tokens.add(new Token(Kind.NUMBER, literal, negative ? -magnitude.longValue() : magnitude.longValue(), hex, at));
        return i;
    }

    private String word(String text, int start) {
        int end = start + 1;
        while (end < text.length() && isIdentPart(text.charAt(end))) end++;
        return text.substring(start, end);
    }

    private boolean isIdentPart(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '_' || ch == '$' || ch == '.' || syntax.identExtra().indexOf(ch) >= 0;
    }
}
