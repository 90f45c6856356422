package tc.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON tree that remembers where each value starts, so that a missing field or a wrong type can
 * be reported at file:line:col (Jackson's own tree forgets locations). Read-only; only for the
 * file readers of this package.
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

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final SourceFile file;

    private JsonTree(SourceFile file) { this.file = file; }

    /** Parses the whole file as one JSON value; syntax errors become CompileExceptions. */
    public static Node parse(SourceFile file) {
        try (JsonParser p = FACTORY.createParser(file.text())) {
            JsonTree tree = new JsonTree(file);
            JsonToken t = p.nextToken();
            if (t == null) throw new CompileException(file, new SourcePos(1, 1), "empty file: expected a JSON object");
            Node root = tree.value(p, t);
            JsonToken after = p.nextToken();
            if (after != null) throw new CompileException(file, pos(p.currentTokenLocation()), "unexpected content after the JSON value");
            return root;
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            throw new CompileException(file, pos(e.getLocation()), "malformed JSON: " + msg);
        } catch (IOException e) {
            throw new CompileException(file, SourcePos.NONE, "cannot read JSON: " + e.getMessage());
        }
    }

    private Node value(JsonParser p, JsonToken t) throws IOException {
        SourcePos at = pos(p.currentTokenLocation());
        return switch (t) {
            case START_OBJECT -> {
                Map<String, Node> fields = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    SourcePos keyAt = pos(p.currentTokenLocation());
                    Node v = value(p, p.nextToken());
                    if (fields.put(name, v) != null) throw new CompileException(file, keyAt, "duplicate field \"" + name + "\"");
                }
                yield new Obj(fields, at);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) items.add(value(p, k));
                yield new Arr(items, at);
            }
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? new Num(p.getDoubleValue(), null, at) : new Num(p.getLongValue(), p.getLongValue(), at);
            case VALUE_NUMBER_FLOAT -> new Num(p.getDoubleValue(), null, at);
            case VALUE_STRING -> new Str(p.getText(), at);
            case VALUE_TRUE -> new Bool(true, at);
            case VALUE_FALSE -> new Bool(false, at);
            case VALUE_NULL -> new Null(at);
            default -> throw new CompileException(file, at, "unexpected JSON token " + t);
        };
    }

    private static SourcePos pos(JsonLocation loc) {
        if (loc == null || loc.getLineNr() <= 0) return SourcePos.NONE;
        return new SourcePos(loc.getLineNr(), Math.max(1, loc.getColumnNr()));
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
