package tc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tc.c.CFrontEnd;
import tc.computer.backend.TcBackend;
import tc.computer.backend.TcCompiled;
import tc.computer.backend.TcOutcome;
import tc.computer.backend.TcRunner;
import tc.computer.engine.TcEngine;
import tc.computer.interp.TcMachine;
import tc.source.SourceFile;

/**
 * {@code tc run FILE.c --target tc}: compile for the Tensor Computer, run on a TC engine
 * ({@code interp}, or {@code soft} at {@code --tau}) and print the summary, with the same
 * {@code --json} keys as the Loom target. This class is the Tensor Computer's side of the summary:
 * {@link #summary} reads a {@link TcOutcome} into the machine-neutral {@link RunSummary}.
 */
final class TcRun {
    private TcRun() {}

    static TcCompiled compile(Path file, TargetOptions target) throws java.io.IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".c"))
            throw new UserError("--target tc compiles C sources; " + file + " is not a .c file");
        SourceFile src = SourceFiles.read(file);
        int memory = target.memoryWords == null ? TcBackend.DEFAULT_MEMORY_WORDS : target.memoryWords;
        return TcBackend.compile(CFrontEnd.compile(src, TcBackend.WORD_BITS), memory);
    }

    /** Runs and prints (with {@code trace}: every step first, on the discrete interpreter); returns the exit code (OK when main returned). */
    static int run(TcCompiled compiled, TcEngine engine, long maxSteps, boolean json, boolean trace, PrintWriter out) {
        long start = System.nanoTime();
        TcOutcome o;
        if (trace) {
            TcMachine machine = new TcMachine(compiled.program());
            TracePrinter.Tc printer = TracePrinter.tc(out, compiled, machine);
            printer.header();
            o = TcRunner.outcome(compiled, machine.run(maxSteps, printer));
        } else {
            o = TcRunner.run(compiled, engine, maxSteps);
        }
        long nanos = System.nanoTime() - start;
        RunReport report = new RunReport(summary(compiled, o, engine.name()), nanos);
        if (json) out.println(report.json());
        else report.printText(out);
        out.flush();
        return o.halted() ? Main.OK : Main.FAILURE;
    }

    /** The machine-neutral summary of a run: retval is r0; a stack overflow is a fault at the call that overflowed. */
    static RunSummary summary(TcCompiled c, TcOutcome o, String engine) {
        RunSummary.Status status = switch (o.status()) {
            case HALTED -> RunSummary.Status.HALTED;
            case STEP_LIMIT -> RunSummary.Status.STEP_LIMIT;
            case STACK_OVERFLOW -> RunSummary.Status.FAULT;
        };
        TcOutcome.Fault f = o.fault();
        RunSummary.Fault fault = f == null ? null
                : new RunSummary.Fault("stack_overflow", f.message() + "; try a larger --memory-words", f.pc(), f.step(), f.line());
        var spec = c.program().spec();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", "tc");
        config.put("memoryWords", spec.memoryWords());
        config.put("slots", spec.slots());
        config.put("N", TcBackend.WORD_BITS);
        String machine = "tc " + spec.memoryWords() + " words, " + spec.slots() + " slots";
        return new RunSummary(o.retval(), o.steps(), status, o.state().pc(), o.outputs(), o.variables(), fault, engine, machine, config, false);
    }
}
