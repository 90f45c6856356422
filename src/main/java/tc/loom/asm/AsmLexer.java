package tc.loom.asm;

import java.util.ArrayList;
import java.util.List;
import tc.source.CompileException;
import tc.source.SourceFile;
import tc.source.SourcePos;

/** Splits one line of assembly into tokens (with 1-based columns) and its trailing comment. */
final class AsmLexer {
    enum Kind { IDENT, NUMBER, STRING, DIRECTIVE, AT, COMMA, COLON, EQUALS, LBRACKET, RBRACKET }

    /** A token; for NUMBER, {@code value} holds the number and {@code hex} whether it was written in hex. */
    record Token(Kind kind, String text, long value, boolean hex, SourcePos pos) {
        boolean is(Kind k) { return kind == k; }
    }

    /** The tokens of a line, the comment text after ';' (null if none) and where the line starts. */
    record Line(int number, List<Token> tokens, String comment) {}

    private AsmLexer() {}

    static Line lex(SourceFile file, int lineNumber, String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        String comment = null;
        while (i < text.length()) {
            char ch = text.charAt(i);
            SourcePos at = new SourcePos(lineNumber, i + 1);
            if (ch == ' ' || ch == '\t' || ch == '\r') { i++; continue; }
            if (ch == ';') { comment = text.substring(i + 1); break; }
            int start = i;
            switch (ch) {
                case ',' -> { tokens.add(new Token(Kind.COMMA, ",", 0, false, at)); i++; }
                case ':' -> { tokens.add(new Token(Kind.COLON, ":", 0, false, at)); i++; }
                case '=' -> { tokens.add(new Token(Kind.EQUALS, "=", 0, false, at)); i++; }
                case '[' -> { tokens.add(new Token(Kind.LBRACKET, "[", 0, false, at)); i++; }
                case ']' -> { tokens.add(new Token(Kind.RBRACKET, "]", 0, false, at)); i++; }
                case '@' -> { tokens.add(new Token(Kind.AT, "@", 0, false, at)); i++; }
                case '"' -> {
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
                }
                case '.' -> {
                    i++;
                    while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) i++;
                    if (i == start + 1) throw new CompileException(file, at, "expected a directive name after '.'");
                    tokens.add(new Token(Kind.DIRECTIVE, text.substring(start, i), 0, false, at));
                }
                default -> {
                    if (ch == '-' || Character.isDigit(ch)) {
                        i = number(file, text, i, at, tokens);
                    } else if (Character.isLetter(ch) || ch == '_' || ch == '$') {
                        while (i < text.length() && isIdentPart(text.charAt(i))) i++;
                        tokens.add(new Token(Kind.IDENT, text.substring(start, i), 0, false, at));
                    } else {
                        throw new CompileException(file, at, "unexpected character '" + ch + "'");
                    }
                }
            }
        }
        return new Line(lineNumber, tokens, comment);
    }

    private static int number(SourceFile file, String text, int i, SourcePos at, List<Token> tokens) {
        int start = i;
        boolean negative = text.charAt(i) == '-';
        if (negative) i++;
        boolean hex = i + 1 < text.length() && text.charAt(i) == '0' && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X');
        if (hex) i += 2;
        int digits = i;
        while (i < text.length() && (hex ? Character.digit(text.charAt(i), 16) >= 0 : Character.isDigit(text.charAt(i)))) i++;
        if (i < text.length() && isIdentPart(text.charAt(i)) || i == digits)
            throw new CompileException(file, at, "malformed number '" + word(text, start) + "'");
        String literal = text.substring(start, i);
        long value;
        try {
            value = Long.parseLong(text.substring(digits, i), hex ? 16 : 10);
        } catch (NumberFormatException e) {
            throw new CompileException(file, at, "number " + literal + " is too large");
        }
        if (value > Integer.MAX_VALUE) throw new CompileException(file, at, "number " + literal + " is too large");
        tokens.add(new Token(Kind.NUMBER, literal, negative ? -value : value, hex, at));
        return i;
    }

    private static String word(String text, int start) {
        int end = start + 1;
        while (end < text.length() && isIdentPart(text.charAt(end))) end++;
        return text.substring(start, end);
    }

    static boolean isIdentPart(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '_' || ch == '$' || ch == '.' || ch == '@';
    }
}
