package tc.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON tree that remembers where each value starts, so that a missing field or a wrong type can
 * be reported at file:line:col. Parsed here rather than by Jackson so that a syntax error says
 * what is wrong in the file's terms and points at the offending character, and no library's
 * wording reaches the user. Read-only; for the file readers of both machines.
 */
public final class JsonTree {

    public sealed interface Node permits Obj, Arr, Num, Str, Bool, Null {
        public SourcePos pos();
    }

    public record Obj(Map<String, Node> fields, SourcePos pos) implements Node {}

    public record Arr(List<Node> items, SourcePos pos) implements Node {}

    /** A number; {@code exact} is its value when it is an integer that fits a long, else null. */
    public record Num(double value, Long exact, SourcePos pos) implements Node {}

    public record Str(String value, SourcePos pos) implements Node {}

    public record Bool(boolean value, SourcePos pos) implements Node {}

    public record Null(SourcePos pos) implements Node {}

    /** Deeper nesting than any of our files has is refused rather than risking the reader's stack. */
    static final int MAX_DEPTH = 1000;

    private final SourceFile file;
    private final String text;
    private int at, line = 1, lineStart;

    private JsonTree(SourceFile file) {
        this.file = file;
        this.text = file.text();
    }

    /**
     * Parses the whole file as one JSON value (RFC 8259: no comments, no trailing commas, no NaN).
     * A syntax error is a CompileException at its line and column saying, in the file's terms,
     * what is wrong: "malformed JSON: " then, say, "unterminated string" or "trailing comma".
     */
    public static Node parse(SourceFile file) {
        JsonTree tree = new JsonTree(file);
        if (tree.text.startsWith("\uFEFF")) tree.at = 1;  // a byte-order mark some editors write
        tree.skipSpace();
        if (tree.at == tree.text.length()) throw new CompileException(file, new SourcePos(1, 1), "empty file: expected a JSON object");
        Node root = tree.value(0);
        tree.skipSpace();
        if (tree.at < tree.text.length()) throw new CompileException(file, tree.here(), "unexpected content after the JSON value");
        return root;
    }

    private Node value(int depth) {
        SourcePos pos = here();
        if (at == text.length()) throw malformed(pos, "file ends where a value should be");
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object(pos, depth + 1);
            case '[' -> array(pos, depth + 1);
            case '"' -> new Str(string(), pos);
            default -> {
                if (c == '-' || c == '+' || c == '.' || isDigit(c)) yield number(pos);
                String word = word();
                yield switch (word) {
                    case "true" -> new Bool(true, pos);
                    case "false" -> new Bool(false, pos);
                    case "null" -> new Null(pos);
                    case "NaN", "Infinity" -> throw malformed(pos, "JSON has no " + word + " (numbers must be finite)");
                    case "" -> throw malformed(pos, c == ',' ? "expected a value before ','"
                            : c == '\'' ? "strings are written in double quotes" : "expected a value, found " + show(c));
                    default -> throw malformed(pos, "expected a value, found '" + word + "'");
                };
            }
        };
    }

    private Obj object(SourcePos open, int depth) {
        nest(open, depth);
        at++;
        Map<String, Node> fields = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') { at++; return new Obj(fields, open); }
        while (true) {
            skipSpace();
            SourcePos keyAt = here();
            if (at == text.length()) throw endsInside("an object", open);
            if (peek() != '"') throw malformed(keyAt, "expected a field name in double quotes, found " + show(peek()));
            String name = string();
            skipSpace();
            if (peek() != ':') throw at == text.length() ? endsInside("an object", open)
                    : malformed(here(), "expected ':' after the field name \"" + name + "\", found " + show(peek()));
            at++;
            skipSpace();
            if (at == text.length()) throw endsInside("an object", open);
            Node v = value(depth);
            if (fields.put(name, v) != null) throw new CompileException(file, keyAt, "duplicate field \"" + name + "\"");
            skipSpace();
            if (at == text.length()) throw endsInside("an object", open);
            char c = text.charAt(at);
            if (c == '}') { at++; return new Obj(fields, open); }
            if (c != ',') throw malformed(here(), "expected ',' or '}' after the value of \"" + name + "\", found " + show(c));
            trailingComma('}');
        }
    }

    private Arr array(SourcePos open, int depth) {
        nest(open, depth);
        at++;
        List<Node> items = new ArrayList<>();
        skipSpace();
        if (peek() == ']') { at++; return new Arr(items, open); }
        while (true) {
            skipSpace();
            if (at == text.length()) throw endsInside("an array", open);
            items.add(value(depth));
            skipSpace();
            if (at == text.length()) throw endsInside("an array", open);
            char c = text.charAt(at);
            if (c == ']') { at++; return new Arr(items, open); }
            if (c != ',') throw malformed(here(), "expected ',' or ']' after an array item, found " + show(c));
            trailingComma(']');
        }
    }

    /** Steps over the ',' at {@code at}; a closing {@code close} right after it is an error at the comma. */
    private void trailingComma(char close) {
        SourcePos comma = here();
        at++;
        skipSpace();
        if (peek() == close) throw malformed(comma, "trailing comma before '" + close + "'");
    }

    private void nest(SourcePos open, int depth) {
        if (depth > MAX_DEPTH) throw malformed(open, "nested deeper than " + MAX_DEPTH + " levels");
    }

    /** The string starting at the '"' at {@code at}, unescaped; it must close on its own line. */
    private String string() {
        SourcePos open = here();
        at++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (at == text.length() || text.charAt(at) == '\n') throw malformed(open, "unterminated string");
            char c = text.charAt(at);
            if (c == '"') { at++; return sb.toString(); }
            if (c < 0x20) throw malformed(here(), "control character " + show(c) + " in a string (write it as an escape such as \\t)");
            if (c != '\\') { sb.append(c); at++; continue; }
            SourcePos escape = here();
            if (at + 1 == text.length()) throw malformed(open, "unterminated string");
            char e = text.charAt(at + 1);
            at += 2;
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    int code = 0;
                    for (int k = 0; k < 4; k++) {
                        int d = at < text.length() && text.charAt(at) < 128 ? Character.digit(text.charAt(at), 16) : -1;
                        if (d < 0) throw malformed(escape, "'\\u' needs four hex digits");
                        code = code * 16 + d;
                        at++;
                    }
                    sb.append((char) code);
                }
                default -> throw malformed(escape, e < 0x20 ? "a backslash before " + show(e) + " in a string"
                        : "unknown escape '\\" + e + "' in a string");
            }
        }
    }

    /** A number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, exact when an integer that fits a long. */
    private Node number(SourcePos pos) {
        int start = at;
        while (at < text.length() && (isDigit(text.charAt(at)) || Character.isLetter(text.charAt(at)) || "+-.".indexOf(text.charAt(at)) >= 0)) at++;
        String literal = text.substring(start, at);
        int i = literal.startsWith("-") ? 1 : 0;
        int intStart = i;
        while (i < literal.length() && isDigit(literal.charAt(i))) i++;
        boolean ok = i > intStart && !(literal.charAt(intStart) == '0' && i - intStart > 1);
        boolean integer = true;
        if (ok && i < literal.length() && literal.charAt(i) == '.') {
            integer = false;
            int f = ++i;
            while (i < literal.length() && isDigit(literal.charAt(i))) i++;
            ok = i > f;
        }
        if (ok && i < literal.length() && (literal.charAt(i) == 'e' || literal.charAt(i) == 'E')) {
            integer = false;
            i++;
            if (i < literal.length() && (literal.charAt(i) == '+' || literal.charAt(i) == '-')) i++;
            int x = i;
            while (i < literal.length() && isDigit(literal.charAt(i))) i++;
            ok = i > x;
        }
        if (!ok || i < literal.length()) throw malformed(pos, "malformed number '" + literal + "'");
        if (integer) {
            try {
                long v = Long.parseLong(literal);
                return new Num(v, v, pos);
            } catch (NumberFormatException beyondLong) {
                return new Num(new java.math.BigInteger(literal).doubleValue(), null, pos);
            }
        }
        return new Num(Double.parseDouble(literal), null, pos);
    }

    /** The run of letters and digits at {@code at} (consumed), "" if none. */
    private String word() {
        int start = at;
        while (at < text.length() && Character.isLetterOrDigit(text.charAt(at))) at++;
        return text.substring(start, at);
    }

    private void skipSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\n') { line++; lineStart = at + 1; } else if (c != ' ' && c != '\t' && c != '\r') return;
            at++;
        }
    }

    private char peek() { return at < text.length() ? text.charAt(at) : 0; }

    private SourcePos here() { return new SourcePos(line, at - lineStart + 1); }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    /** A character as an error shows it: quoted when printable, else its name or code point. */
    private static String show(char c) {
        if (c == '\n') return "a line break";
        if (c == '\t') return "a tab";
        if (c < 0x20 || Character.isISOControl(c)) return String.format("U+%04X", (int) c);
        return "'" + c + "'";
    }

    private CompileException endsInside(String what, SourcePos open) {
        return malformed(here(), "file ends inside " + what + " (the one opened at " + open + ")");
    }

    private CompileException malformed(SourcePos pos, String message) {
        return new CompileException(file, pos, "malformed JSON: " + message);
    }

    /** Typed access to a parsed tree; every mismatch is a CompileException at the offending value. */
    public static final class Access {
        private final SourceFile file;

        public Access(SourceFile file) { this.file = file; }

        public CompileException error(Node at, String message) {
            return new CompileException(file, at == null ? SourcePos.NONE : at.pos(), message);
        }

        public Obj object(Node n, String what) {
            if (n instanceof Obj o) return o;
            throw error(n, what + " must be a JSON object, found " + describe(n));
        }

        public Arr array(Node n, String what) {
            if (n instanceof Arr a) return a;
            throw error(n, what + " must be a JSON array, found " + describe(n));
        }

        public String string(Node n, String what) {
            if (n instanceof Str s) return s.value();
            throw error(n, what + " must be a string, found " + describe(n));
        }

        /** An integer in [min, max]. */
        public int integer(Node n, String what, long min, long max) {
            if (!(n instanceof Num num) || num.exact() == null) {
                if (n instanceof Num num && num.value() == Math.rint(num.value()) && Math.abs(num.value()) < 1e18) {
                    return integer(new Num(num.value(), (long) num.value(), num.pos()), what, min, max);
                }
                throw error(n, what + " must be an integer, found " + describe(n));
            }
            long v = num.exact();
            if (v < min || v > max) throw error(n, what + " = " + v + " is out of range " + min + ".." + max);
            return (int) v;
        }

        public double number(Node n, String what) {
            if (n instanceof Num num) return num.value();
            throw error(n, what + " must be a number, found " + describe(n));
        }

        /** A required field of {@code o}. */
        public Node field(Obj o, String name, String where) {
            Node n = o.fields().get(name);
            if (n == null) throw error(o, where + " has no \"" + name + "\" field");
            return n;
        }

        /** An optional field; JSON null counts as absent. */
        public Node optional(Obj o, String name) {
            Node n = o.fields().get(name);
            return n instanceof Null ? null : n;
        }

        public static String describe(Node n) {
            return switch (n) {
                case Obj o -> "an object";
                case Arr a -> "an array";
                case Num num -> "the number " + (num.exact() != null ? num.exact().toString() : Double.toString(num.value()));
                case Str s -> "the string \"" + s.value() + "\"";
                case Bool b -> b.value() ? "true" : "false";
                case Null x -> "null";
            };
        }
    }
}
