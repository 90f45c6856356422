package tc.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import tc.c.CFrontEnd;
import tc.computer.backend.TcBackend;
import tc.computer.backend.TcCompiled;
import tc.source.SourceFile;

/**
 * {@code tc demo NAME --target tc}: compiles a bundled {@link SeedDemo} for the seed machine, runs
 * it on the discrete seed machine with the devices the options ask for (console output streamed
 * between two rules), runs its parts for their step counts, checks the stated results and prints
 * the run: status, retval, outputs, steps, speed, and with {@code --stats} the counters.
 */
final class SeedDemoRun {
    /** Steps a demo may take unless --max-steps says otherwise: well above the longest (mandelbrot, about 20 million). */
    static final long DEFAULT_MAX_STEPS = 200_000_000L;

    private SeedDemoRun() {}

    static TcCompiled compile(SourceFile source) {
        return TcBackend.compile(CFrontEnd.compile(source, TcBackend.WORD_BITS), TcBackend.DEFAULT_MEMORY_WORDS, TcBackend.Machine.SEED);
    }

    static int run(CommandLine cl, SeedDemo demo, SeedOptions seed, Long maxSteps) throws IOException {
        PrintWriter out = cl.getOut();
        long limit = maxSteps == null ? DEFAULT_MAX_STEPS : maxSteps;
        TcCompiled compiled = compile(demo.source());
        String input = seed.stdin != null ? new String(Files.readAllBytes(seed.stdin), StandardCharsets.ISO_8859_1)
                : demo.input() != null ? demo.input() : "";
        var c = SeedRun.CONFIG;
        SeedRun run = SeedRun.run(compiled, seed, limit, SeedRun.to(out),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.ISO_8859_1)), () -> {
            out.println("demo:    " + demo.name() + " - " + demo.description());
            out.println("program: " + demo.name() + ".c (bundled; see tc/demo/seed/" + demo.name() + ".c in the sources), "
                    + compiled.program().code().size() + " instructions");
            out.println("machine: seed, " + compiled.program().spec().memoryWords() + " words of virtual memory on " + c.physicalWords()
                    + " words of main memory (" + c.pageWords() + "-word pages), " + (seed.disk == null ? "an in-memory disk" : "disk " + seed.disk));
            if (seed.stdin == null && demo.input() != null) out.println("input:   " + SeedDemo.quote(input) + " (the demo's sample; --stdin FILE for another)");
            out.println("--- console ---");
            out.flush();
        });
        String console = run.console();
        if (!console.isEmpty() && !console.endsWith("\n")) out.println();
        out.println("---------------");
        RunSummary summary = TcRun.seedSummary(compiled, run);
        RunReport report = new RunReport(summary, run.nanos());
        out.println("status = " + report.statusText());
        out.println("retval = " + summary.retval());
        if (!summary.outputs().isEmpty()) out.println("outputs = " + summary.outputs());
        out.println("steps = " + summary.steps());
        out.println("speed = " + RunReport.speed(summary.steps(), run.nanos()));
        if (seed.stats) SeedRun.printStats(run.stats(), out);
        List<String> wrong = new ArrayList<>();
        if (!summary.halted()) wrong.add("the run did not halt (" + report.statusText() + ")");
        else wrong.addAll(demo.check(summary.retval(), input, console, summary.outputs()));
        for (SeedDemo.Part part : demo.parts()) {
            TcCompiled variant = compile(demo.source(part));
            SeedRun partRun = SeedRun.run(variant, new SeedOptions(), limit, null, new ByteArrayInputStream(new byte[0]));
            String status = partRun.machine().halted() ? "" : " (did not halt: " + (partRun.fault() != null ? partRun.fault().message() : "step limit") + ")";
            if (!partRun.machine().halted()) wrong.add("the part '" + part.label() + "' did not halt");
            out.println(String.format(Locale.ROOT, "part: %-10s %,d steps%s   (%s)", part.label() + ":", partRun.state().steps(), status,
                    part.to()));
        }
        if (seed.screenshot != null) out.println("screenshot: " + seed.screenshot);
        if (seed.frames != null) out.println("frames = " + run.frames() + " written to " + seed.frames);
        out.flush();
        if (!wrong.isEmpty()) throw new UserError("DEMO RESULT WRONG: " + String.join("; ", wrong));
        out.println("result: correct");
        return Main.OK;
    }

    /** {@code tc demo --list --target tc}. */
    static int list(PrintWriter out) {
        List<SeedDemo> demos = SeedDemo.all();
        int width = demos.stream().mapToInt(d -> d.name().length()).max().orElse(4);
        for (SeedDemo d : demos) out.println(String.format(Locale.ROOT, "%-" + width + "s  %s", d.name(), d.description()));
        out.println();
        out.println("Run one with: tc demo NAME --target tc [--stats] [--disk FILE] [--stdin FILE] [--keys FILE] [--screenshot FILE.png] [--frames DIR [--frame-every K]]");
        return Main.OK;
    }
}
