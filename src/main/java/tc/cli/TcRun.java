package tc.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import tc.c.CFrontEnd;
import tc.computer.backend.TcBackend;
import tc.computer.backend.TcCompiled;
import tc.computer.backend.TcOutcome;
import tc.computer.backend.TcRunner;
import tc.computer.interp.TcEngine;
import tc.computer.interp.TcMachine;
import tc.computer.isa.TcMachineSpec;
import tc.source.SourceFile;

/**
 * {@code tc run FILE.c --target tc}: compile for the Tensor Computer, run on a TC engine
 * ({@code interp}, or {@code soft} at {@code --tau}) and print the summary, with the same
 * {@code --json} keys as the Loom target.
 */
final class TcRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TcRun() {}

    static TcCompiled compile(Path file, TargetOptions target) throws java.io.IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".c"))
            throw new UserError("--target tc compiles C sources; " + file + " is not a .c file");
        SourceFile src = SourceFiles.read(file);
        int memory = target.memoryWords == null ? TcMachineSpec.DEFAULT.memoryWords() : target.memoryWords;
        if (Integer.bitCount(memory) != 1 || memory < 2 || memory > (1 << 20))
            throw new UserError("--memory-words must be a power of two in 2..2^20, got " + memory);
        return TcBackend.compile(CFrontEnd.compile(src, TcBackend.WORD_BITS), memory);
    }

    /** Runs and prints (with {@code trace}: every step first, on the discrete interpreter); returns the exit code (OK when main returned). */
    static int run(TcCompiled compiled, TcEngine engine, long maxSteps, boolean json, boolean trace, PrintWriter out) {
        long start = System.nanoTime();
        TcOutcome o;
        if (trace) {
            TcMachine machine = new TcMachine(compiled.program());
            TcTracePrinter printer = new TcTracePrinter(out, machine);
            printer.header();
            o = TcRunner.outcome(compiled, machine.run(maxSteps, printer));
        } else {
            o = TcRunner.run(compiled, engine, maxSteps);
        }
        long nanos = System.nanoTime() - start;
        if (json) out.println(json(compiled, o, engine.name()));
        else printText(compiled, o, engine.name(), nanos, out);
        out.flush();
        return o.halted() ? Main.OK : Main.FAILURE;
    }

    private static String statusText(TcOutcome o) {
        return switch (o.status()) {
            case HALTED -> "halted";
            case STEP_LIMIT -> "step limit reached";
            case STACK_OVERFLOW -> "fault: stack overflow (recursion reached the globals; try a larger --memory-words)";
        };
    }

    private static String configName(TcCompiled c) {
        var s = c.program().spec();
        return "tc " + s.memoryWords() + " words, " + s.slots() + " slots";
    }

    static void printText(TcCompiled c, TcOutcome o, String engine, long nanos, PrintWriter out) {
        out.println("retval = " + o.retval());
        out.println("steps = " + o.steps());
        out.println("status = " + statusText(o));
        if (!o.outputs().isEmpty()) out.println("outputs = " + o.outputs().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        if (!o.variables().isEmpty()) {
            out.println("variables:");
            o.variables().forEach((name, value) -> out.println("  " + name + " = " + RunReport.show(value)));
        }
        out.println("speed = " + RunReport.speed(o.steps(), nanos) + " (" + engine + ", " + configName(c) + ")");
    }

    /** The Loom target's keys: retval, steps, halted, status, pc, outputs, variables, fault, engine, config. */
    static String json(TcCompiled c, TcOutcome o, String engine) {
        ObjectNode j = JSON.createObjectNode();
        j.put("retval", o.retval());
        j.put("steps", o.steps());
        j.put("halted", o.halted());
        j.put("status", switch (o.status()) { case HALTED -> "halted"; case STEP_LIMIT -> "step_limit"; case STACK_OVERFLOW -> "fault"; });
        j.put("pc", o.state().pc());
        ArrayNode outputs = j.putArray("outputs");
        o.outputs().forEach(outputs::add);
        ObjectNode vars = j.putObject("variables");
        o.variables().forEach((name, value) -> {
            if (value instanceof int[] cells) {
                ArrayNode a = vars.putArray(name);
                for (int v : cells) a.add(v);
            } else vars.put(name, (Integer) value);
        });
        if (o.status() != TcOutcome.Status.STACK_OVERFLOW) j.putNull("fault");
        else {
            ObjectNode f = j.putObject("fault");
            f.put("kind", "stack_overflow");
            f.put("message", "stack overflow: recursion reached the globals");
            f.put("pc", o.state().pc());
            f.put("step", o.steps());
        }
        j.put("engine", engine);
        ObjectNode cfg = j.putObject("config");
        var s = c.program().spec();
        cfg.put("name", "tc");
        cfg.put("memoryWords", s.memoryWords());
        cfg.put("slots", s.slots());
        cfg.put("N", TcBackend.WORD_BITS);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(j);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
