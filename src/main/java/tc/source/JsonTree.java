package tc.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A JSON tree that remembers where each value starts, so that a missing field or a wrong type can
 * be reported at file:line:col (Jackson's own tree forgets locations). Jackson's streaming parser
 * reads the file; when it refuses the text, the error is explained here from the text at the point
 * where Jackson stopped, in the file's terms and at the offending character, because Jackson's
 * wording names its own features and character codes. Read-only; for the file readers of both
 * machines.
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

    /** Longer number literals are refused: converting them costs more than quadratic time. */
    static final int MAX_NUMBER_LENGTH = 1000;

    // Strings and names are not limited: the whole file is in memory already, and a Loom state
    // file holds multi-megabyte strings.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .build())
            .build();

    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    /** An object or array being read, for saying which one the file ends inside and after which field. */
    private static final class Open {
        final boolean object;
        final int at;
        String field;

        Open(boolean object, int at) { this.object = object; this.at = at; }
    }

    private final SourceFile file;
    private final String text;
    private final JsonParser p;
    private final List<Open> open = new ArrayList<>();
    /** The last token Jackson handed over and where it starts: an error lies at or after it. */
    private JsonToken last;
    private int lastStart;
    /** Offsets only grow while the tree is built, so positions are counted on from the last one. */
    private int lineFrom, line = 1, lineStart;

    private JsonTree(SourceFile file, JsonParser p) {
        this.file = file;
        this.text = file.text();
        this.p = p;
    }

    /**
     * Parses the whole file as one JSON value (RFC 8259: no comments, no trailing commas, no NaN).
     * A syntax error is a CompileException at its line and column saying, in the file's terms,
     * what is wrong: "malformed JSON: " then, say, "unterminated string" or "trailing comma".
     */
    public static Node parse(SourceFile file) {
        char[] chars = file.text().toCharArray();
        // A byte-order mark some editors write; as a space it keeps every offset equal to the text's.
        if (chars.length > 0 && chars[0] == '\uFEFF') chars[0] = ' ';
        try (JsonParser p = FACTORY.createParser(chars)) {
            JsonTree tree = new JsonTree(file, p);
            try {
                JsonToken t = tree.next();
                if (t == null) throw new CompileException(file, new SourcePos(1, 1), "empty file: expected a JSON object");
                Node root = tree.value(t);
                if (tree.next() != null) throw new CompileException(file, tree.posAt(tree.lastStart), "unexpected content after the JSON value");
                return root;
            } catch (JsonProcessingException e) {
                throw tree.explain(e);
            }
        } catch (IOException e) {
            throw new CompileException(file, SourcePos.NONE, "cannot read JSON: " + e.getClass().getSimpleName());
        }
    }

    private JsonToken next() throws IOException {
        JsonToken t = p.nextToken();
        if (t != null) {
            last = t;
            lastStart = (int) p.currentTokenLocation().getCharOffset();
        }
        return t;
    }

    private Node value(JsonToken t) throws IOException {
        int start = lastStart;
        SourcePos pos = posAt(start);
        return switch (t) {
            case START_OBJECT -> {
                Open o = new Open(true, start);
                open.add(o);
                Map<String, Node> fields = new LinkedHashMap<>();
                for (JsonToken k = next(); k != JsonToken.END_OBJECT; k = next()) {
                    String name = p.currentName();
                    SourcePos keyAt = posAt(lastStart);
                    o.field = name;
                    Node v = value(next());
                    if (fields.put(name, v) != null) throw new CompileException(file, keyAt, "duplicate field \"" + name + "\"");
                }
                open.remove(open.size() - 1);
                yield new Obj(fields, pos);
            }
            case START_ARRAY -> {
                open.add(new Open(false, start));
                List<Node> items = new ArrayList<>();
                for (JsonToken k = next(); k != JsonToken.END_ARRAY; k = next()) items.add(value(k));
                open.remove(open.size() - 1);
                yield new Arr(items, pos);
            }
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? new Num(p.getDoubleValue(), null, pos) : new Num(p.getLongValue(), p.getLongValue(), pos);
            case VALUE_NUMBER_FLOAT -> new Num(p.getDoubleValue(), null, pos);
            case VALUE_STRING -> new Str(p.getText(), pos);
            case VALUE_TRUE -> new Bool(true, pos);
            case VALUE_FALSE -> new Bool(false, pos);
            case VALUE_NULL -> new Null(pos);
            default -> throw new IllegalStateException("Jackson handed over " + t + " where a value starts");
        };
    }

    /** The line and column of text offset {@code at}. */
    private SourcePos posAt(int at) {
        if (at < lineFrom) { lineFrom = 0; line = 1; lineStart = 0; }
        for (int i = lineFrom; i < at; i++) if (text.charAt(i) == '\n') { line++; lineStart = i + 1; }
        lineFrom = Math.max(lineFrom, at);
        return new SourcePos(line, at - lineStart + 1);
    }

    // ---- Explaining a refusal. Jackson stopped somewhere in the tokens that follow the last one it
    // handed over (after a field name it reads ahead through the ':' and a scalar value), so those
    // few tokens are checked again from there, in the order the grammar expects them, and the first
    // thing wrong is named. Jackson's own location is only a fallback: it points sometimes at the
    // offending character and sometimes just past it.

    private CompileException explain(JsonProcessingException e) {
        boolean tooDeep = e instanceof StreamConstraintsException && open.size() >= MAX_DEPTH;
        boolean tooLong = e instanceof StreamConstraintsException && !tooDeep;
        Open top = open.isEmpty() ? null : open.get(open.size() - 1);
        try {
            if (last == null) {
                afterValue(checkValue(0, top, tooDeep, tooLong), top);
            } else {
                switch (last) {
                    case START_OBJECT -> {
                        int i = skipSpace(lastStart + 1);
                        if (i == text.length() || text.charAt(i) != '}') member(i, top, tooDeep, tooLong);
                    }
                    case START_ARRAY -> {
                        int i = skipSpace(lastStart + 1);
                        if (i == text.length() || text.charAt(i) != ']') afterValue(checkValue(i, top, tooDeep, tooLong), top);
                    }
                    case FIELD_NAME -> member(lastStart, top, tooDeep, tooLong);
                    case END_OBJECT, END_ARRAY -> afterValue(lastStart + 1, top);
                    default -> afterValue(checkValue(lastStart, top, tooDeep, tooLong), top);
                }
            }
        } catch (CompileException found) {
            return found;
        }
        int at = e.getLocation() == null ? -1 : (int) Math.min(e.getLocation().getCharOffset(), text.length());
        if (at < 0) return malformed(SourcePos.NONE, "cannot be read");
        if (at == text.length()) return top == null ? malformed(posAt(at), "file ends early") : endsInside(top);
        return malformed(posAt(at), "unexpected character " + show(text.charAt(at)));
    }

    /** Checks a field from its name at {@code at} on: the name, the ':' and the value. */
    private void member(int at, Open obj, boolean tooDeep, boolean tooLong) {
        int i = skipSpace(at);
        if (i == text.length()) throw endsInside(obj);
        if (text.charAt(i) != '"') throw malformed(posAt(i), "expected a field name in double quotes, found " + show(text.charAt(i)));
        int end = checkString(i);
        String name = text.substring(i + 1, end - 1);
        i = skipSpace(end);
        if (i == text.length()) throw endsInside(obj);
        if (text.charAt(i) != ':') throw malformed(posAt(i), "expected ':' after the field name \"" + name + "\", found " + show(text.charAt(i)));
        obj.field = name;
        afterValue(checkValue(i + 1, obj, tooDeep, tooLong), obj);
    }

    /** Checks what follows a value that ends at {@code at} inside {@code in} (null: at the top). */
    private void afterValue(int at, Open in) {
        if (at < 0) return;
        int i = skipSpace(at);
        if (in == null) {
            if (i < text.length()) throw new CompileException(file, posAt(i), "unexpected content after the JSON value");
            return;
        }
        if (i == text.length()) throw endsInside(in);
        char c = text.charAt(i), close = in.object ? '}' : ']';
        if (c == close) return;
        if (c != ',') throw malformed(posAt(i), in.object
                ? "expected ',' or '}' after the value of \"" + in.field + "\", found " + show(c)
                : "expected ',' or ']' after an array item, found " + show(c));
        int j = skipSpace(i + 1);
        if (j < text.length() && text.charAt(j) == close) throw malformed(posAt(i), "trailing comma before '" + close + "'");
        if (in.object) member(j, in, false, false);
        else afterValue(checkValue(j, in, false, false), in);
    }

    /**
     * Checks the value at {@code at}; returns where it ends, or -1 at an object or array, which
     * Jackson enters only after handing over its opening token.
     */
    private int checkValue(int at, Open in, boolean tooDeep, boolean tooLong) {
        int i = skipSpace(at);
        if (i == text.length()) throw in == null ? malformed(posAt(i), "file ends where a value should be") : endsInside(in);
        char c = text.charAt(i);
        if (c == '{' || c == '[') {
            if (tooDeep) throw malformed(posAt(i), "nested deeper than " + MAX_DEPTH + " levels");
            return -1;
        }
        if (c == '"') return checkString(i);
        if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')) {
            int end = i;
            while (end < text.length() && isNumberPart(text.charAt(end))) end++;
            String literal = text.substring(i, end);
            if (!NUMBER.matcher(literal).matches()) throw malformed(posAt(i), "malformed number '" + literal + "'");
            if (tooLong && literal.length() > MAX_NUMBER_LENGTH) {
                throw malformed(posAt(i), "number longer than " + MAX_NUMBER_LENGTH + " characters");
            }
            return end;
        }
        int end = i;
        while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) end++;
        String word = text.substring(i, end);
        return switch (word) {
            case "true", "false", "null" -> end;
            case "NaN", "Infinity" -> throw malformed(posAt(i), "JSON has no " + word + " (numbers must be finite)");
            case "" -> throw malformed(posAt(i), c == ',' ? "expected a value before ','"
                    : c == '\'' ? "strings are written in double quotes" : "expected a value, found " + show(c));
            default -> throw malformed(posAt(i), "expected a value, found '" + word + "'");
        };
    }

    /** Checks the string whose '"' is at {@code at}; returns where it ends. It must close on its own line. */
    private int checkString(int at) {
        int i = at + 1;
        while (true) {
            if (i == text.length() || text.charAt(i) == '\n') throw malformed(posAt(at), "unterminated string");
            char c = text.charAt(i);
            if (c == '"') return i + 1;
            if (c < 0x20) throw malformed(posAt(i), "control character " + show(c) + " in a string (write it as an escape such as \\t)");
            if (c != '\\') { i++; continue; }
            if (i + 1 == text.length()) throw malformed(posAt(at), "unterminated string");
            char e = text.charAt(i + 1);
            if (e == 'u') {
                for (int k = 2; k < 6; k++) {
                    if (i + k >= text.length() || Character.digit(text.charAt(i + k), 16) < 0 || text.charAt(i + k) >= 128) {
                        throw malformed(posAt(i), "'\\u' needs four hex digits");
                    }
                }
                i += 6;
            } else if ("\"\\/bfnrt".indexOf(e) >= 0) {
                i += 2;
            } else {
                throw malformed(posAt(i), e < 0x20 ? "a backslash before " + show(e) + " in a string"
                        : "unknown escape '\\" + e + "' in a string");
            }
        }
    }

    private int skipSpace(int at) {
        int i = at;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\n' || text.charAt(i) == '\r')) i++;
        return i;
    }

    private static boolean isNumberPart(char c) {
        return (c >= '0' && c <= '9') || Character.isLetter(c) || c == '+' || c == '-' || c == '.';
    }

    /** A character as an error shows it: quoted when printable, else its name or code point. */
    private static String show(char c) {
        if (c == '\n') return "a line break";
        if (c == '\t') return "a tab";
        if (c < 0x20 || Character.isISOControl(c)) return String.format("U+%04X", (int) c);
        return "'" + c + "'";
    }

    private CompileException endsInside(Open o) {
        return malformed(posAt(text.length()), "file ends inside " + (o.object ? "an object" : "an array") + " (the one opened at " + posAt(o.at) + ")");
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
