package tc.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The hand-laid JSON both program files are written with: one field per line, list items one per
 * line, so that files diff well; values are serialised by Jackson.
 */
public final class JsonLines {
    private JsonLines() {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** {@code "name": value,} on its own line. */
    public static void field(StringBuilder sb, String name, Object value) {
        sb.append("  ").append(json(name)).append(": ").append(json(value)).append(",\n");
    }

    /** {@code "name": [} then one item per line, then {@code ],}. */
    public static void list(StringBuilder sb, String name, List<?> items) {
        sb.append("  ").append(json(name)).append(": [");
        for (int i = 0; i < items.size(); i++) sb.append(i == 0 ? "\n    " : ",\n    ").append(json(items.get(i)));
        sb.append(items.isEmpty() ? "],\n" : "\n  ],\n");
    }

    /** {@code "name": value} on its own line as the last field, then the closing brace. */
    public static void last(StringBuilder sb, String name, Object value) {
        sb.append("  ").append(json(name)).append(": ").append(json(value)).append("\n}\n");
    }

    /** {@code value} as compact JSON. */
    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value, e);
        }
    }
}
