package tc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tc.loom.Engines;
import tc.loom.backend.CompileOptions;
import tc.loom.backend.Compiler;
import tc.loom.engine.Engine;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.isa.Program;
import tc.source.SourceFile;

/**
 * {@code tc demo [NAME]}: without NAME, compiles the bundled showcase program and runs it as tensor operations on the
 * exact transformer (fast engine), checking the run against the ideal interpreter (status, step
 * count, every memory cell, every output) and both against the values the program's comments
 * promise, so the demo doubles as a smoke test of the whole stack. {@code --engine} runs one
 * engine alone instead. With NAME, runs one of the bundled demos ({@link Demo}) the same way and
 * draws its result ({@link DemoView}); {@code --list} lists them.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Compile a bundled showcase C program, run it on the exact looped transformer and check it.",
                "The program uses recursion, arrays, loops, * / %% and builtins. By default it runs on the "
                        + "ideal interpreter and on the fast transformer engine with the exact weights; the transformer's "
                        + "run must equal the interpreter's, and both must give the values stated in the program's comments."},
        footer = {"", "Examples:", "  tc demo", "  tc demo --engine interp", "  tc demo --list",
                "  tc demo bubblesort", "  tc demo sudoku --engine interp", "  tc demo life --max-steps 5000",
                "  tc demo --list --target tc", "  tc demo mandelbrot --target tc --screenshot mandelbrot.png",
                "  tc demo sumarray --target tc --stats", "  tc demo diskfile --target tc --disk disk.img"})
final class DemoCommand implements Callable<Integer> {
    static final String RESOURCE = "/tc/demo/showcase.c";
    private static final Pattern EXPECT = Pattern.compile("//\\s*expect:\\s*(retval|outputs)\\s*=\\s*(.*?)\\s*$", Pattern.MULTILINE);

    @Spec CommandSpec spec;

    @Option(names = "--engine", paramLabel = "ENGINE", completionCandidates = EngineNames.class,
            description = "Run on this engine alone: ${COMPLETION-CANDIDATES} (default: interp and fast, checked against each other).")
    String engine;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "A bundled demo to run (tc demo --list names them); none: the showcase.")
    String name;

    @Option(names = "--list", description = "List the bundled demos: name, configuration, step count, what it shows.")
    boolean list;

    @Option(names = "--max-steps", paramLabel = "K", description = "Stop a demo's transformer run after K steps (exit 1, saying how many the interpreter needs); "
            + "--target tc: the seed machine's run (default 200000000).")
    Long maxSteps;

    @Option(names = "--target", paramLabel = "loom|tc", defaultValue = "loom", converter = IsaTarget.Converter.class,
            description = "loom (default): the Loom demos on the interpreter and the transformer; tc: the Tensor Computer's seed-machine demos "
                    + "(console, framebuffer, demand paging, GPU, disk) on its discrete interpreter.")
    IsaTarget target;

    @picocli.CommandLine.Mixin SeedOptions seed;

    /** What the showcase's comments promise. */
    record Expected(int retval, List<Integer> outputs) {}

    @Override public Integer call() throws IOException {
        if (engine != null && !Engines.names().contains(engine))
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown engine '" + engine + "': choose one of " + String.join(", ", Engines.names()));
        if (maxSteps != null && maxSteps < 1)
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-steps must be at least 1, got " + maxSteps);
        if (target == IsaTarget.TC) return seedDemo();
        if (!seed.given().isEmpty())
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), String.join(", ", seed.given()) + " applies only to --target tc");
        if (list) return listDemos();
        if (name != null) return new DemoRun(spec.commandLine(), find(name), engine, maxSteps).call();
        SourceFile src = showcase();
        Expected expected = expectations(src.text());
        PrintWriter out = spec.commandLine().getOut();
        Program program = Compiler.compile(src, CompileOptions.defaults());
        out.println("program: " + src.name() + " (bundled; see tc/demo/showcase.c in the sources)");
        out.println("config:  " + program.config() + ", " + program.size() + " instructions");

        List<String> wrong = new ArrayList<>();
        if (engine != null) {
            check(Engines.get(engine), program, expected, null, out, wrong);
        } else {
            RunResult ideal = check(Engines.get("interp"), program, expected, null, out, wrong);
            RunResult tensor = check(Engines.get("fast"), program, expected, ideal.steps(), out, wrong);
            List<String> differ = differences(ideal, tensor);
            if (differ.isEmpty())
                out.println("check:   the transformer's run equals the interpreter's: " + ideal.status().name().toLowerCase(java.util.Locale.ROOT)
                        + " after " + ideal.steps() + " steps, all " + ideal.memory().length + " memory cells, "
                        + ideal.outputs().size() + " outputs");
            else wrong.add("the transformer differs from the interpreter: " + String.join("; ", differ));
        }
        if (!wrong.isEmpty()) throw new UserError("DEMO RESULT WRONG: " + String.join("; ", wrong));
        out.println("result: correct");
        return Main.OK;
    }

    /** {@code --target tc}: the seed machine's demos ({@link SeedDemoRun}). */
    private Integer seedDemo() throws IOException {
        var cl = spec.commandLine();
        if (engine != null && !engine.equals("interp"))
            throw new picocli.CommandLine.ParameterException(cl, "the seed-machine demos run on --engine interp only (the soft seed machine is not built into tc demo)");
        String problem = seed.check();
        if (problem != null) throw new picocli.CommandLine.ParameterException(cl, problem);
        if (list) return SeedDemoRun.list(cl.getOut());
        if (name == null)
            throw new picocli.CommandLine.ParameterException(cl, "name a seed-machine demo: " + String.join(", ", SeedDemo.names()) + " (tc demo --list --target tc)");
        for (SeedDemo d : SeedDemo.all()) if (d.name().equals(name)) return SeedDemoRun.run(cl, d, seed, maxSteps);
        throw new picocli.CommandLine.ParameterException(cl, "unknown seed-machine demo '" + name + "': choose one of " + String.join(", ", SeedDemo.names()));
    }

    private Integer listDemos() {
        PrintWriter out = spec.commandLine().getOut();
        List<Demo> demos = Demo.all();
        int width = demos.stream().mapToInt(d -> d.name().length()).max().orElse(4);
        for (Demo d : demos) {
            Program p = Compiler.compile(d.source(), d.options());
            out.println(String.format(java.util.Locale.ROOT, "%-" + width + "s  %-22s %,11d steps  %s",
                    d.name(), shape(p.config()),
                    d.steps(), d.description()));
        }
        out.println();
        out.println("Run one with: tc demo NAME [--engine E] [--max-steps K]");
        return Main.OK;
    }

    /** A configuration by its named shape where it has one ("164x2048, 16-bit"), else s,m,n,N. */
    static String shape(tc.loom.isa.MachineConfig c) {
        tc.loom.isa.MachineConfig at8 = c.withWordBits(8);
        if (!tc.loom.isa.MachineConfig.namedInOrder().contains(at8)) return c.name();
        return at8.name() + (c.wordBits() == 8 ? "" : ", " + c.wordBits() + "-bit");
    }

    private Demo find(String wanted) {
        for (Demo d : Demo.all()) if (d.name().equals(wanted)) return d;
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "unknown demo '" + wanted + "': choose one of " + String.join(", ", Demo.names()));
    }

    /** Runs {@code e}, prints its summary, adds to {@code wrong} what contradicts the promised values. */
    private RunResult check(Engine e, Program program, Expected expected, Long knownSteps, PrintWriter out, List<String> wrong) {
        RunOptions options = RunOptions.defaults();
        EngineNames.warnIfApproximate(e, spec.commandLine().getErr());
        // the interpreter's step count is known before the transformer runs, so its run gets a bar
        ProgressBar progress = knownSteps == null ? null
                : new ProgressBar(spec.commandLine().getErr(), "  transformer", knownSteps, "steps", ProgressBar.stderrIsTerminal());
        if (progress != null) options = options.withTrace(event -> progress.accept(event.step()));
        long start = System.nanoTime();
        RunResult result = e.run(program, options);
        long nanos = System.nanoTime() - start;
        if (progress != null) progress.finish();
        RunReport report = new RunReport(program, result, e, nanos);
        out.println();
        out.println("engine:  " + e.name() + " - " + e.description());
        out.println("status = " + report.statusText());
        out.println("retval = " + report.retval() + "   (expected " + expected.retval() + ")");
        out.println("outputs = " + join(result.outputs()) + "   (expected " + join(expected.outputs()) + ")");
        out.println("steps = " + result.steps());
        out.println("speed = " + RunReport.speed(result.steps(), nanos));
        out.flush();
        if (!result.halted()) wrong.add(e.name() + ": the run did not halt (" + report.statusText() + ")");
        if (report.retval() == null || report.retval() != expected.retval())
            wrong.add(e.name() + ": retval is " + report.retval() + ", expected " + expected.retval());
        if (!result.outputs().equals(expected.outputs()))
            wrong.add(e.name() + ": outputs are [" + join(result.outputs()) + "], expected [" + join(expected.outputs()) + "]");
        return result;
    }

    /** What differs between two runs of the same program, in words. */
    static List<String> differences(RunResult a, RunResult b) {
        List<String> d = new ArrayList<>();
        if (a.status() != b.status()) d.add("status " + a.status() + " vs " + b.status());
        if (a.steps() != b.steps()) d.add("steps " + a.steps() + " vs " + b.steps());
        int[] ma = a.memory(), mb = b.memory();
        for (int i = 0; i < Math.min(ma.length, mb.length); i++)
            if (ma[i] != mb[i]) { d.add("memory cell " + i + ": " + ma[i] + " vs " + mb[i]); break; }
        if (!a.outputs().equals(b.outputs())) d.add("outputs " + a.outputs() + " vs " + b.outputs());
        return d;
    }

    static SourceFile showcase() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new UserError("the showcase program " + RESOURCE + " is missing from this build");
            return new SourceFile("showcase.c", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Reads the {@code // expect: retval = v} and {@code // expect: outputs = a, b, …} comments. */
    static Expected expectations(String source) {
        Integer retval = null;
        List<Integer> outputs = null;
        Matcher m = EXPECT.matcher(source);
        while (m.find()) {
            if (m.group(1).equals("retval")) retval = Integer.parseInt(m.group(2));
            else outputs = m.group(2).isEmpty() ? List.of()
                    : java.util.Arrays.stream(m.group(2).split(",")).map(s -> Integer.parseInt(s.trim())).toList();
        }
        if (retval == null || outputs == null)
            throw new IllegalStateException("the showcase program must state '// expect: retval = …' and '// expect: outputs = …'");
        return new Expected(retval, outputs);
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
