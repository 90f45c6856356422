package tc.c.lex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tc.source.CompileException;
import tc.source.SourceFile;
import tc.source.SourcePos;

/** Turns source text into tokens; the last token is always {@link TokenKind#EOF}. */
public final class Lexer {
    private static final Map<String, TokenKind> KEYWORDS = Map.ofEntries(
            Map.entry("int", TokenKind.INT), Map.entry("void", TokenKind.VOID), Map.entry("if", TokenKind.IF),
            Map.entry("else", TokenKind.ELSE), Map.entry("while", TokenKind.WHILE), Map.entry("do", TokenKind.DO),
            Map.entry("for", TokenKind.FOR), Map.entry("return", TokenKind.RETURN), Map.entry("break", TokenKind.BREAK),
            Map.entry("continue", TokenKind.CONTINUE), Map.entry("switch", TokenKind.SWITCH),
            Map.entry("const", TokenKind.CONST), Map.entry("static", TokenKind.STATIC), Map.entry("sizeof", TokenKind.SIZEOF),
            Map.entry("case", TokenKind.CASE), Map.entry("default", TokenKind.DEFAULT),
            // char is a synonym of int: one word, so that ordinary C text that stores characters reads naturally.
            Map.entry("char", TokenKind.INT));

    /**
     * C keywords outside the subset, rejected by name rather than as confusing undefined
     * identifiers, each with the reason that fits its kind.
     */
    private static final Map<String, String> UNSUPPORTED = unsupportedKeywords();

    private static Map<String, String> unsupportedKeywords() {
        Map<String, String> reasons = new java.util.HashMap<>();
        for (String type : List.of("short", "long", "unsigned", "signed", "float", "double", "struct", "union",
                "enum", "typedef", "_Bool")) {
            reasons.put(type, "the only type is int");
        }
        reasons.put("goto", "use loops with break and continue instead");
        for (String specifier : List.of("extern", "volatile", "register", "auto", "inline", "restrict")) {
            reasons.put(specifier, "the only storage class is static, the only qualifier const");
        }
        return Map.copyOf(reasons);
    }

    /** Operators, longest first so that maximal munch falls out of the search order. */
    private static final List<Map.Entry<String, TokenKind>> OPERATORS;

    static {
        List<Map.Entry<String, TokenKind>> ops = new ArrayList<>();
        for (TokenKind k : TokenKind.values()) {
            if (k.ordinal() >= TokenKind.LPAREN.ordinal() && k != TokenKind.EOF) ops.add(Map.entry(k.spelling(), k));
        }
        ops.sort((a, b) -> b.getKey().length() - a.getKey().length());
        OPERATORS = List.copyOf(ops);
    }

    private final SourceFile file;
    private final String src;
    private int index;
    private int line = 1;
    private int lineStart;

    private Lexer(SourceFile file) {
        this.file = file;
        this.src = file.text();
    }

    /** All tokens of {@code file}, ending with EOF. */
    public static List<Token> tokenize(SourceFile file) {
        return new Lexer(file).run();
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            SourcePos pos = here();
            if (index >= src.length()) {
                out.add(new Token(TokenKind.EOF, "", pos, 0));
                return out;
            }
            char c = src.charAt(index);
            if (Character.isDigit(c)) out.add(number(pos));
            else if (isIdentStart(c)) out.add(word(pos));
            else if (c == '\'') out.add(charLiteral(pos));
            else if (c == '"') out.add(stringLiteral(pos));
            else if (c == '#') throw error(pos, "preprocessor directives are not supported");
            else out.add(operator(pos));
        }
    }

    private SourcePos here() { return new SourcePos(line, index - lineStart + 1); }

    private CompileException error(SourcePos pos, String message) { return new CompileException(file, pos, message); }

    private void skipSpaceAndComments() {
        while (index < src.length()) {
            char c = src.charAt(index);
            if (c == '\n') {
                index++;
                line++;
                lineStart = index;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B) {
                index++;
            } else if (src.startsWith("//", index)) {
                while (index < src.length() && src.charAt(index) != '\n') index++;
            } else if (src.startsWith("/*", index)) {
                SourcePos start = here();
                index += 2;
                while (true) {
                    if (index >= src.length()) throw error(start, "unterminated comment");
                    if (src.startsWith("*/", index)) { index += 2; break; }
                    if (src.charAt(index) == '\n') { line++; lineStart = index + 1; }
                    index++;
                }
            } else {
                return;
            }
        }
    }

    private static boolean isIdentStart(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

    private static boolean isIdentPart(char c) { return isIdentStart(c) || (c >= '0' && c <= '9'); }

    private Token word(SourcePos pos) {
        int start = index;
        while (index < src.length() && isIdentPart(src.charAt(index))) index++;
        String text = src.substring(start, index);
        String reason = UNSUPPORTED.get(text);
        if (reason != null) throw error(pos, "'" + text + "' is not supported" + (reason.isEmpty() ? "" : " (" + reason + ")"));
        return new Token(KEYWORDS.getOrDefault(text, TokenKind.IDENT), text, pos, 0);
    }

    private Token number(SourcePos pos) {
        int start = index;
        boolean hex = src.startsWith("0x", index) || src.startsWith("0X", index);
        if (hex) index += 2;
        while (index < src.length() && isIdentPart(src.charAt(index))) index++;
        String text = src.substring(start, index);
        String digits = hex ? text.substring(2) : text;
        int radix = hex ? 16 : 10;
        if (digits.isEmpty()) throw error(pos, "invalid integer literal '" + text + "'");
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0) throw error(pos, "invalid integer literal '" + text + "'");
            value = value > (Long.MAX_VALUE - d) / radix ? Long.MAX_VALUE : value * radix + d;
        }
        if (!hex && text.length() > 1 && text.charAt(0) == '0') {
            throw error(pos, "octal literals are not supported: '" + text + "'");
        }
        return new Token(TokenKind.INT_LIT, text, pos, value);
    }

    private Token charLiteral(SourcePos pos) {
        int start = index;
        index++;
        if (index >= src.length() || src.charAt(index) == '\n') throw error(pos, "unterminated character literal");
        char c = src.charAt(index);
        int value;
        if (c == '\\') {
            value = escape(pos);
        } else if (c == '\'') {
            throw error(pos, "empty character literal");
        } else if (c < 32 || c > 126) {
            throw error(pos, "character literal must be printable ASCII");
        } else {
            value = c;
            index++;
        }
        if (index >= src.length() || src.charAt(index) != '\'') {
            if (closesOnThisLine()) throw error(pos, "character literal holds more than one character");
            throw error(pos, "unterminated character literal");
        }
        index++;
        return new Token(TokenKind.CHAR_LIT, src.substring(start, index), pos, value);
    }

    /**
     * {@code "..."}: the token's text is the decoded characters (codes 0..255, escapes as in
     * character literals), without the quotes; the parser adds the terminating zero.
     */
    private Token stringLiteral(SourcePos pos) {
        index++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (index >= src.length() || src.charAt(index) == '\n') throw error(pos, "unterminated string literal");
            char c = src.charAt(index);
            if (c == '"') break;
            if (c == '\\') {
                sb.append((char) escape(pos, "string"));
            } else if (c < 32 || c > 126) {
                throw error(here(), "string literal characters must be printable ASCII (use an escape)");
            } else {
                sb.append(c);
                index++;
            }
        }
        index++;
        return new Token(TokenKind.STRING_LIT, sb.toString(), pos, 0);
    }

    private int escape(SourcePos literal) { return escape(literal, "character"); }

    /**
     * C's escape sequences, from the backslash at {@code index}: the simple ones, octal
     * ({@code \0}, {@code \12}, up to three digits) and hex ({@code \x41}); the value is the
     * character code, 0..255. A bad escape is reported at the backslash.
     */
    private int escape(SourcePos literal, String what) {
        SourcePos at = here();
        index++;
        if (index >= src.length() || src.charAt(index) == '\n') throw error(literal, "unterminated " + what + " literal");
        char e = src.charAt(index++);
        switch (e) {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            case 'a': return 7;
            case 'b': return 8;
            case 'f': return 12;
            case 'v': return 11;
            case '\\': return '\\';
            case '\'': return '\'';
            case '"': return '"';
            case '?': return '?';
            case 'x': {
                int digits = 0;
                int value = 0;
                while (index < src.length() && Character.digit(src.charAt(index), 16) >= 0) {
                    value = Math.min(value * 16 + Character.digit(src.charAt(index), 16), 1 << 20);
                    index++;
                    digits++;
                }
                if (digits == 0) throw error(at, "\\x used with no following hex digits");
                if (value > 255) throw error(at, "hex escape sequence out of range (0x0..0xFF)");
                return value;
            }
            default: {
                if (e >= '0' && e <= '7') {
                    int value = e - '0';
                    for (int k = 1; k < 3 && index < src.length() && src.charAt(index) >= '0' && src.charAt(index) <= '7'; k++) {
                        value = value * 8 + (src.charAt(index++) - '0');
                    }
                    if (value > 255) throw error(at, "octal escape sequence out of range (\\0..\\377)");
                    return value;
                }
                throw error(at, "unknown escape sequence '\\" + printable(e) + "'");
            }
        }
    }

    /** Whether a closing quote follows on the current line, as in a multi-character literal 'ab'. */
    private boolean closesOnThisLine() {
        for (int i = index; i < src.length() && src.charAt(i) != '\n'; i++) {
            if (src.charAt(i) == '\'') return true;
        }
        return false;
    }

    private Token operator(SourcePos pos) {
        for (Map.Entry<String, TokenKind> op : OPERATORS) {
            if (src.startsWith(op.getKey(), index)) {
                index += op.getKey().length();
                return new Token(op.getValue(), op.getKey(), pos, 0);
            }
        }
        throw error(pos, "unexpected character '" + printable(src.charAt(index)) + "'");
    }

    private static String printable(char c) {
        return c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }
}
