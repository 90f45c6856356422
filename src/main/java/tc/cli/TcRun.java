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
 * {@code tc run FILE.c --target tc}: compile for the Tensor Computer (or read a program image,
 * FILE.s or FILE.json, {@link TcImage}), run on a TC engine
 * ({@code interp}, or {@code soft} at {@code --tau}) and print the summary, with the same
 * {@code --json} keys as the Loom target. This class is the Tensor Computer's side of the summary:
 * {@link #summary} reads a {@link TcOutcome} into the machine-neutral {@link RunSummary}.
 */
final class TcRun {
    private TcRun() {}

    /**
     * FILE.c compiled for {@code target}'s machine, or a program image (FILE.s, FILE.asm, FILE.json)
     * read as it is ({@link TcImage}).
     */
    static TcCompiled compile(Path file, TargetOptions target) throws java.io.IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (TcImage.isImage(lower)) return TcImage.load(file, target.tcMachine(), target.memoryWords);
        if (!lower.endsWith(".c")) {
            if (!java.nio.file.Files.exists(file)) throw new java.nio.file.NoSuchFileException(file.toString());
            throw new UserError("--target tc runs C sources (.c), Tensor Computer assembly (.s, .asm) or program files (.json); "
                    + file + " is none of these");
        }
        SourceFile src = SourceFiles.read(file);
        int memory = target.memoryWords == null ? TcBackend.DEFAULT_MEMORY_WORDS : target.memoryWords;
        return TcBackend.compile(CFrontEnd.compile(src, TcBackend.WORD_BITS), memory, target.tcMachine());
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

    /**
     * {@code --machine seed}: runs on the discrete seed machine ({@link SeedRun}) and prints the
     * summary (after the console output, which streams to standard output unless {@code json},
     * where it is the {@code console} field), with {@code --stats} the counters; {@code --json}
     * always has them as {@code stats}. Returns the exit code: OK when main returned.
     */
    static int runSeed(TcCompiled compiled, SeedOptions seed, long maxSteps, boolean json, PrintWriter out) {
        SeedRun run = SeedRun.run(compiled, seed, maxSteps, json ? null : SeedRun.to(out), System.in);
        RunSummary summary = seedSummary(compiled, run);
        RunReport report = new RunReport(summary, run.nanos());
        if (json) {
            var o = report.toJson();
            o.set("stats", MAPPER.valueToTree(run.stats().toMap()));
            o.put("console", run.console());
            if (seed.frames != null) o.put("frames", run.frames());
            try {
                out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            String console = run.console();
            if (!console.isEmpty() && !console.endsWith("\n")) out.println();
            report.printText(out);
            if (seed.frames != null) out.println("frames = " + run.frames() + " written to " + seed.frames);
            if (seed.stats) SeedRun.printStats(run.stats(), out);
        }
        out.flush();
        return summary.halted() ? Main.OK : Main.FAILURE;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The summary of a seed run: as {@link #summary}, with a device fault as status FAULT (kind device_fault, at its pc and line). */
    static RunSummary seedSummary(TcCompiled compiled, SeedRun run) {
        TcOutcome o = TcRunner.outcome(compiled, run.state());
        RunSummary s = summary(compiled, o, "interp");
        var f = run.fault();
        Map<String, Object> config = new LinkedHashMap<>(s.config());
        config.put("name", "tc-seed");
        var c = SeedRun.CONFIG;
        config.put("physicalWords", c.physicalWords());
        config.put("pageWords", c.pageWords());
        String machine = "tc seed, " + s.config().get("memoryWords") + " virtual words on " + c.physicalWords() + " physical, "
                + s.config().get("slots") + " slots";
        if (f == null) return new RunSummary(s.retval(), s.steps(), s.status(), s.pc(), s.outputs(), s.variables(), s.fault(), s.engine(), machine, config, false);
        // a cpu-machine image run on the seed machine faults at its first page fault: say why
        String message = TcImage.installsHandler(compiled.program()) ? f.message()
                : f.message() + "; is this a program for --machine cpu?";
        RunSummary.Fault fault = new RunSummary.Fault("device_fault", message, f.pc(), f.step(), compiled.debug().lineOf(f.pc()));
        return new RunSummary(s.retval(), s.steps(), RunSummary.Status.FAULT, s.pc(), s.outputs(), s.variables(), fault, s.engine(), machine, config, false);
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
