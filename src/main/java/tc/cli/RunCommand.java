package tc.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tc.engine.Engine;
import tc.engine.Engines;
import tc.engine.RunOptions;
import tc.engine.RunResult;
import tc.source.SourceFile;

/** {@code tc run}: executes a C source, program JSON, Loom state file or assembly file. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a program and print its result.",
                "FILE.c is compiled first; FILE.json is a program file or a Loom <name>_state.json "
                        + "(its <name>_info.json beside it is read too); FILE.s is assembly. "
                        + "Exit code 1 when the program faults or reaches the step limit."},
        footer = {"", "Examples:",
                "  tc run fib.c",
                "  tc run fib.c --trace --max-steps 200",
                "  tc run ../shared/loom-ref/programs/gcd_state.json --json"})
final class RunCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "FILE.c, FILE.json or FILE.s")
    Path file;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "interp", completionCandidates = EngineNames.class,
            description = "Engine to run on: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "Weights for the transformer engines: exact (default; not built yet) or loom-v1 (the reference's, defects included).")
    String profile;

    @Mixin MachineOptions machine;

    @Option(names = "--max-steps", paramLabel = "K", defaultValue = "" + RunOptions.DEFAULT_MAX_STEPS,
            description = "Stop after K instructions (default: ${DEFAULT-VALUE}).")
    long maxSteps;

    @Option(names = "--trace", description = "Print every executed instruction (step, pc, instruction, source line, writes).")
    boolean trace;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Override public Integer call() throws Exception {
        if (maxSteps < 1) throw new ParameterException(spec.commandLine(), "--max-steps must be at least 1, got " + maxSteps);
        if (trace && json) throw new ParameterException(spec.commandLine(), "--trace and --json cannot be combined (--json prints one JSON object)");
        Engine e;
        try {
            e = Engines.get(engine, profile);
        } catch (IllegalArgumentException bad) {
            throw new ParameterException(spec.commandLine(), bad.getMessage());
        }
        var loaded = ProgramLoader.load(file, machine);
        var out = spec.commandLine().getOut();
        RunOptions options = RunOptions.defaults().withMaxSteps(maxSteps);
        if (trace) {
            SourceFile c = loaded.cSource() == null ? null : new SourceFile(file.toString(), loaded.cSource());
            TracePrinter printer = new TracePrinter(out, loaded.program(), c);
            printer.header();
            options = options.withTrace(printer);
        }
        long start = System.nanoTime();
        RunResult result = e.run(loaded.program(), options);
        long nanos = System.nanoTime() - start;
        RunReport report = new RunReport(loaded.program(), result, e.name(), nanos);
        if (json) out.println(report.json());
        else report.printText(out);
        out.flush();
        return result.halted() ? Main.OK : Main.FAILURE;
    }
}
