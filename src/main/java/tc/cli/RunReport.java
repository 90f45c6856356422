package tc.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tc.loom.engine.Fault;
import tc.loom.engine.RunResult;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;
import tc.loom.isa.Symbol;

/**
 * The outcome of {@code tc run}, printed for people or as one JSON object.
 *
 * @param wallNanos time the engine took, for the speed line
 */
record RunReport(Program program, RunResult result, String engine, long wallNanos) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** main's return value (the retval cell), or null if the machine has no such cell. */
    Integer retval() {
        int i = program.debug().retvalIndex();
        return i >= 0 && i < program.config().m() ? result.cell(i) : null;
    }

    /** Globals and main's locals, in memory order; arrays as int[]. Names shared by two cells get "function." prefixes. */
    Map<String, Object> variables() {
        List<Symbol> visible = program.debug().symbols().stream().filter(Symbol::isUserVisible).toList();
        Map<String, Long> counts = visible.stream().collect(Collectors.groupingBy(Symbol::name, Collectors.counting()));
        Map<String, Object> vars = new LinkedHashMap<>();
        int[] mem = result.memory();
        for (Symbol s : visible) {
            if (s.index() < 0 || s.index() + s.size() > mem.length) continue;
            String key = counts.get(s.name()) > 1 && s.function() != null ? s.function() + "." + s.name() : s.name();
            if (s.isArray()) {
                int[] cells = new int[s.size()];
                System.arraycopy(mem, s.index(), cells, 0, s.size());
                vars.put(key, cells);
            } else {
                vars.put(key, mem[s.index()]);
            }
        }
        return vars;
    }

    String statusText() {
        return switch (result.status()) {
            case HALTED -> "halted";
            case STEP_LIMIT -> "step limit reached";
            case FAULT -> "fault: " + result.fault().message() + where(result.fault());
        };
    }

    private String where(Fault f) {
        int line = program.debug().lineOf(f.pc() - program.config().programStart());
        return " (step " + f.step() + ", pc " + f.pc() + (line > 0 ? ", line " + line : "") + ")";
    }

    void printText(PrintWriter out) {
        Integer rv = retval();
        out.println("retval = " + (rv == null ? "none" : rv));
        out.println("steps = " + result.steps());
        out.println("status = " + statusText());
        if (!result.outputs().isEmpty())
            out.println("outputs = " + result.outputs().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        Map<String, Object> vars = variables();
        if (!vars.isEmpty()) {
            out.println("variables:");
            vars.forEach((name, value) -> out.println("  " + name + " = " + show(value)));
        }
        out.println("speed = " + speed(result.steps(), wallNanos) + " (" + engine + ", " + program.config().name() + ")");
    }

    static String show(Object value) {
        if (value instanceof int[] cells) {
            List<String> parts = new ArrayList<>(cells.length);
            for (int c : cells) parts.add(Integer.toString(c));
            return "{" + String.join(", ", parts) + "}";
        }
        return String.valueOf(value);
    }

    /** "80 steps in 0.213 ms, 375,587 steps/s". */
    static String speed(long steps, long nanos) {
        double ms = nanos / 1e6;
        String rate = nanos > 0 ? String.format(Locale.ROOT, "%,.0f steps/s", steps * 1e9 / nanos) : "n/a steps/s";
        return String.format(Locale.ROOT, "%d steps in %.3f ms, %s", steps, ms, rate);
    }

    /** The {@code --json} object: retval, steps, halted, status, pc, outputs, variables, fault, engine, config. */
    ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        Integer rv = retval();
        if (rv == null) o.putNull("retval"); else o.put("retval", rv);
        o.put("steps", result.steps());
        o.put("halted", result.halted());
        o.put("status", result.status().name().toLowerCase(Locale.ROOT));
        o.put("pc", result.pc());
        ArrayNode outputs = o.putArray("outputs");
        result.outputs().forEach(outputs::add);
        ObjectNode vars = o.putObject("variables");
        variables().forEach((name, value) -> {
            if (value instanceof int[] cells) {
                ArrayNode a = vars.putArray(name);
                for (int c : cells) a.add(c);
            } else {
                vars.put(name, (Integer) value);
            }
        });
        Fault f = result.fault();
        if (f == null) o.putNull("fault");
        else {
            ObjectNode fo = o.putObject("fault");
            fo.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
            fo.put("message", f.message());
            fo.put("pc", f.pc());
            fo.put("step", f.step());
        }
        o.put("engine", engine);
        MachineConfig c = program.config();
        ObjectNode co = o.putObject("config");
        co.put("name", c.name());
        co.put("s", c.s());
        co.put("m", c.m());
        co.put("n", c.n());
        co.put("N", c.wordBits());
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
