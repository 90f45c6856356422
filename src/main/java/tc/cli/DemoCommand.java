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
import picocli.CommandLine.Spec;
import tc.compiler.CompileOptions;
import tc.compiler.Compiler;
import tc.engine.Engine;
import tc.engine.Engines;
import tc.engine.RunOptions;
import tc.engine.RunResult;
import tc.isa.Program;
import tc.source.SourceFile;

/**
 * {@code tc demo}: compiles the bundled showcase program, runs it on the best engine and checks
 * the result against the values its comments promise, so the demo doubles as a smoke test.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Compile, run and check a bundled showcase C program.",
                "The program uses recursion, arrays, loops, * / %% and builtins; its result is "
                        + "checked against the values stated in its comments."},
        footer = {"", "Example:", "  tc demo --engine interp"})
final class DemoCommand implements Callable<Integer> {
    static final String RESOURCE = "/tc/demo/showcase.c";
    private static final Pattern EXPECT = Pattern.compile("//\\s*expect:\\s*(retval|outputs)\\s*=\\s*(.*?)\\s*$", Pattern.MULTILINE);

    @Spec CommandSpec spec;

    @Option(names = "--engine", paramLabel = "ENGINE", completionCandidates = EngineNames.class,
            description = "Engine to run on: ${COMPLETION-CANDIDATES} (default: the most capable registered).")
    String engine;

    /** What the showcase's comments promise. */
    record Expected(int retval, List<Integer> outputs) {}

    @Override public Integer call() throws IOException {
        if (engine != null && !Engines.names().contains(engine))
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown engine '" + engine + "': choose one of " + String.join(", ", Engines.names()));
        SourceFile src = showcase();
        Expected expected = expectations(src.text());
        Engine e = engine == null ? Engines.best() : Engines.get(engine);
        PrintWriter out = spec.commandLine().getOut();

        Program program = Compiler.compile(src, CompileOptions.defaults());
        long start = System.nanoTime();
        RunResult result = e.run(program, RunOptions.defaults());
        long nanos = System.nanoTime() - start;
        RunReport report = new RunReport(program, result, e.name(), nanos);

        out.println("program: " + src.name() + " (bundled; see tc/demo/showcase.c in the sources)");
        out.println("config:  " + program.config() + ", " + program.size() + " instructions");
        out.println("engine:  " + e.name() + " - " + e.description());
        out.println("status = " + report.statusText());
        out.println("retval = " + report.retval() + "   (expected " + expected.retval() + ")");
        out.println("outputs = " + join(result.outputs()) + "   (expected " + join(expected.outputs()) + ")");
        out.println("steps = " + result.steps());
        out.println("speed = " + RunReport.speed(result.steps(), nanos));
        out.flush();

        List<String> wrong = new ArrayList<>();
        if (!result.halted()) wrong.add("the run did not halt (" + report.statusText() + ")");
        if (report.retval() == null || report.retval() != expected.retval())
            wrong.add("retval is " + report.retval() + ", expected " + expected.retval());
        if (!result.outputs().equals(expected.outputs()))
            wrong.add("outputs are [" + join(result.outputs()) + "], expected [" + join(expected.outputs()) + "]");
        if (!wrong.isEmpty())
            throw new UserError("DEMO RESULT WRONG on engine " + e.name() + ": " + String.join("; ", wrong));
        out.println("result: correct");
        return Main.OK;
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
