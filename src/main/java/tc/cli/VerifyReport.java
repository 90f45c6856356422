package tc.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;
import tc.loom.isa.Program;
import tc.loom.verify.Divergence;
import tc.loom.verify.Verification;
import tc.source.SourceFile;

/**
 * The outcome of {@code tc verify}, for people or as one JSON object.
 *
 * @param cSource the C source, to quote the diverging line; null if unknown
 * @param engine  the transformer engine's name
 * @param profile its weight profile
 */
record VerifyReport(Program program, Verification verification, SourceFile cSource, String engine, String profile) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Source line of the diverging instruction, or 0. */
    int line(Divergence d) { return program.debug().lineOf(d.pc() - program.config().programStart()); }

    String instruction(Divergence d) {
        return d.instruction() == null ? "(none: pc outside the program)" : new InstructionText(program).format(d.instruction());
    }

    /** One sentence saying what differs, e.g. "memory cell 40 (a[3]): interpreter 7, transformer -3 — row region MEMORY, column 72". */
    String what(Divergence d) {
        String where = d.region() == null ? "" : " — row region " + d.region() + ", column " + d.column();
        return switch (d.kind()) {
            case PC -> "PC: interpreter " + d.expected() + ", transformer " + d.actual() + where;
            case MEMORY -> {
                InstructionText names = new InstructionText(program);
                String others = d.otherCells().isEmpty() ? ""
                        : "; also differ: " + d.otherCells().stream().map(i -> cell(names, i)).collect(Collectors.joining(", "));
                yield "memory " + cell(names, d.cell()) + ": interpreter " + d.expected() + ", transformer " + d.actual() + where + others;
            }
            case NOT_CLEAN -> "state entry (row " + d.row() + ", column " + d.column() + ") = " + d.actual()
                    + " is not within 1e-5 of {-1, 0, +1} (or of its constant)" + where;
            case INTERPRETER_FAULT -> "the interpreter faults (" + d.message() + "); the transformer does not";
        };
    }

    /** "cell 40 (a[3])", or "cell 40" when the debug info does not name it. */
    private static String cell(InstructionText names, int index) {
        String name = names.cell(index);
        return "cell " + index + (name.equals("mem[" + index + "]") ? "" : " (" + name + ")");
    }

    void printText(PrintWriter out) {
        switch (verification.status()) {
            case VERIFIED -> out.println("verified: " + verification.steps() + " steps agree (" + engine + " engine, " + profile + " weights, "
                    + program.config().name() + ")");
            case FAULTED_ALIKE -> out.println("verified: " + verification.steps() + " steps agree and both fault at the last (" + engine
                    + " engine, " + profile + " weights)");
            case STEP_LIMIT -> out.println("not verified: " + verification.steps()
                    + " steps agree, but the step limit came before HALT (raise --max-steps)");
            case DIVERGED -> {
                Divergence d = verification.divergence();
                int line = line(d);
                out.println("diverged at step " + d.step() + " (" + engine + " engine, " + profile + " weights, "
                        + program.config().name() + ", against the ideal interpreter)");
                out.println("  pc          " + d.pc());
                out.println("  instruction " + instruction(d));
                if (line > 0) {
                    String code = cSource == null ? "" : cSource.line(line).strip();
                    out.println("  line        " + line + (code.isEmpty() ? "" : ": " + code));
                }
                out.println("  " + what(d));
            }
        }
    }

    /** {verified, status, steps, engine, profile, divergence: null | {step, pc, instruction, line, kind, what, expected, actual, region, row, column}}. */
    ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("verified", verification.verified());
        o.put("status", verification.status().name().toLowerCase(Locale.ROOT));
        o.put("steps", verification.steps());
        o.put("engine", engine);
        o.put("profile", profile);
        Divergence d = verification.divergence();
        if (d == null) {
            o.putNull("divergence");
            return o;
        }
        ObjectNode j = o.putObject("divergence");
        j.put("step", d.step());
        j.put("pc", d.pc());
        j.put("instruction", instruction(d));
        int line = line(d);
        if (line > 0) j.put("line", line); else j.putNull("line");
        j.put("kind", d.kind().name().toLowerCase(Locale.ROOT));
        j.put("what", what(d));
        putNumber(j, "expected", d.expected());
        putNumber(j, "actual", d.actual());
        if (d.region() == null) j.putNull("region"); else j.put("region", d.region().name());
        if (d.row() < 0) j.putNull("row"); else j.put("row", d.row());
        if (d.column() < 0) j.putNull("column"); else j.put("column", d.column());
        return o;
    }

    private static void putNumber(ObjectNode o, String key, Number value) {
        switch (value) {
            case null -> o.putNull(key);
            case Integer i -> o.put(key, i);
            case Float f -> o.put(key, f);
            default -> o.put(key, value.doubleValue());
        }
    }

    String json() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
