package tc.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.Set;

/** A request's JSON object body, with typed fields whose absence or wrong type is a 400 naming the field. */
final class Request {
    static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode body;

    private Request(JsonNode body) { this.body = body; }

    /** Parses {@code text}; a 400 {@link WebError} when it is not a JSON object. */
    static Request parse(String text) {
        if (text.isBlank()) return new Request(JSON.createObjectNode());
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw WebError.badRequest("bad JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) throw WebError.badRequest("bad JSON: the body must be one JSON object");
        return new Request(node);
    }

    String string(String name) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) throw WebError.badRequest("missing field '" + name + "'");
        if (!n.isTextual()) throw WebError.badRequest("field '" + name + "' must be a string");
        return n.asText();
    }

    String string(String name, String otherwise) { return body.hasNonNull(name) ? string(name) : otherwise; }

    long integer(String name, long otherwise) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) return otherwise;
        if (!n.canConvertToLong() || !n.isIntegralNumber()) throw WebError.badRequest("field '" + name + "' must be an integer");
        return n.asLong();
    }

    boolean bool(String name, boolean otherwise) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) return otherwise;
        if (!n.isBoolean()) throw WebError.badRequest("field '" + name + "' must be true or false");
        return n.asBoolean();
    }

    double number(String name, double otherwise) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) return otherwise;
        if (!n.isNumber()) throw WebError.badRequest("field '" + name + "' must be a number");
        return n.asDouble();
    }

    Set<Integer> integers(String name) {
        JsonNode n = body.get(name);
        Set<Integer> out = new LinkedHashSet<>();
        if (n == null || n.isNull()) return out;
        if (!n.isArray()) throw WebError.badRequest("field '" + name + "' must be an array of integers");
        for (JsonNode e : n) {
            if (!e.canConvertToInt() || !e.isIntegralNumber()) throw WebError.badRequest("field '" + name + "' must be an array of integers");
            out.add(e.asInt());
        }
        return out;
    }
}
