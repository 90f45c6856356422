package tc.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tc.loom.engine.Engine;
import tc.loom.engine.RunResult;
import tc.loom.isa.Program;

/**
 * The outcome of {@code tc run}, printed for people or as one JSON object, for either machine.
 *
 * @param wallNanos time the engine took, for the speed line
 */
record RunReport(RunSummary summary, long wallNanos) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What an unknown value of main's looks like in the text summary. */
    static final String UNKNOWN = "?";

    /** The report of a Loom run. */
    RunReport(Program program, RunResult result, Engine engine, long wallNanos) {
        this(LoomRun.summary(program, result, engine), wallNanos);
    }

    /** main's return value, or null if the machine has no place for it. */
    Integer retval() { return summary.retval(); }

    /** Globals and main's variables in display order; arrays as int[], null where unknown. */
    Map<String, Object> variables() { return summary.variables(); }

    /** The status line of a run stopped by the step limit. */
    static final String STEP_LIMIT_TEXT = "step limit reached: give a larger --max-steps to run longer";

    String statusText() {
        return switch (summary.status()) {
            case HALTED -> "halted";
            // Every command that prints this has --max-steps; a long program (the mandelbrot demo's
            // source under tc run) otherwise just stops at the default with no hint why.
            case STEP_LIMIT -> STEP_LIMIT_TEXT;
            case FAULT -> "fault: " + summary.fault().message() + where(summary.fault());
        };
    }

    private static String where(RunSummary.Fault f) {
        return " (step " + f.step() + (f.pc() >= 0 ? ", pc " + f.pc() : "") + (f.line() > 0 ? ", line " + f.line() : "") + ")";
    }

    void printText(PrintWriter out) {
        Integer rv = retval();
        out.println("retval = " + (rv == null ? "none" : rv));
        out.println("steps = " + summary.steps());
        out.println("status = " + statusText());
        if (!summary.outputs().isEmpty())
            out.println("outputs = " + summary.outputs().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        Map<String, Object> vars = variables();
        if (!vars.isEmpty()) {
            out.println("variables:");
            vars.forEach((name, value) -> out.println("  " + name + " = " + show(value)));
            if (vars.containsValue(null)) out.println("  (" + UNKNOWN + ": " + unknownNote() + ")");
        }
        out.println("speed = " + speed(summary.steps(), wallNanos) + " (" + summary.engine() + ", " + summary.machine() + ")");
    }

    private static String unknownNote() { return "main's value is unknown: main had not started, or its saved registers could not be found on the stack"; }

    /** Arrays longer than this are shortened in the text summary (JSON keeps them whole). */
    static final int WHOLE_ARRAY_LIMIT = 32;
    /** How many leading and trailing values a shortened array shows. */
    static final int SHOWN_HEAD = 16, SHOWN_TAIL = 4;

    /**
     * A value for the text summary: an int, {@link #UNKNOWN}, or an array in braces. An array of
     * more than {@link #WHOLE_ARRAY_LIMIT} values shows its first 16, "…", its last 4 and its
     * length, so that a 16,384-word array does not bury the rest of the summary.
     */
    static String show(Object value) {
        if (value == null) return UNKNOWN;
        if (value instanceof int[] cells) {
            List<String> parts = new ArrayList<>();
            if (cells.length <= WHOLE_ARRAY_LIMIT) {
                for (int c : cells) parts.add(Integer.toString(c));
                return "{" + String.join(", ", parts) + "}";
            }
            for (int k = 0; k < SHOWN_HEAD; k++) parts.add(Integer.toString(cells[k]));
            parts.add("…");
            for (int k = cells.length - SHOWN_TAIL; k < cells.length; k++) parts.add(Integer.toString(cells[k]));
            return "{" + String.join(", ", parts) + "} (" + String.format(Locale.ROOT, "%,d", cells.length) + " values)";
        }
        return String.valueOf(value);
    }

    /** "80 steps in 0.213 ms, 375,587 steps/s". */
    static String speed(long steps, long nanos) {
        double ms = nanos / 1e6;
        String rate = nanos > 0 ? String.format(Locale.ROOT, "%,.0f steps/s", steps * 1e9 / nanos) : "n/a steps/s";
        return String.format(Locale.ROOT, "%d steps in %.3f ms, %s", steps, ms, rate);
    }

    /**
     * The {@code --json} object: retval, steps, halted, status, pc, outputs, variables (null where
     * unknown), fault, engine, config; and {@code note} explaining the nulls when there are any.
     */
    ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        Integer rv = retval();
        if (rv == null) o.putNull("retval"); else o.put("retval", rv);
        o.put("steps", summary.steps());
        o.put("halted", summary.halted());
        o.put("status", summary.status().name().toLowerCase(Locale.ROOT));
        o.put("pc", summary.pc());
        ArrayNode outputs = o.putArray("outputs");
        summary.outputs().forEach(outputs::add);
        ObjectNode vars = o.putObject("variables");
        variables().forEach((name, value) -> {
            if (value instanceof int[] cells) {
                ArrayNode a = vars.putArray(name);
                for (int c : cells) a.add(c);
            } else if (value == null) {
                vars.putNull(name);
            } else {
                vars.put(name, (Integer) value);
            }
        });
        RunSummary.Fault f = summary.fault();
        if (f == null) o.putNull("fault");
        else {
            ObjectNode fo = o.putObject("fault");
            fo.put("kind", f.kind());
            fo.put("message", f.message());
            if (f.pc() >= 0) fo.put("pc", f.pc()); else fo.putNull("pc");
            fo.put("step", f.step());
            if (f.line() > 0) fo.put("line", f.line()); else fo.putNull("line");
        }
        o.put("engine", summary.engine());
        o.put("approximate", summary.approximate());
        ObjectNode co = o.putObject("config");
        summary.config().forEach((k, v) -> {
            if (v instanceof Integer i) co.put(k, i); else co.put(k, String.valueOf(v));
        });
        if (variables().containsValue(null)) o.put("note", "null variables: " + unknownNote());
        return o;
    }

    String json() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
