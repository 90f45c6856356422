package tc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tc.loom.Engines;
import tc.loom.engine.Engine;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.source.SourceFile;

/**
 * The options and the run shared by {@code tc run} and {@code tc run-state}: which engine, how
 * many steps, and how to print the result. The commands differ only in how they load the program.
 */
final class RunFlags {
    @Spec(Spec.Target.MIXEE) CommandSpec spec;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "interp", completionCandidates = EngineNames.class,
            description = "Engine to run on: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "Weights for the transformer engines: exact (default: the defects fixed, equal to the interpreter) or loom-v1 (the reference's, defects included).")
    String profile;

    @Option(names = "--max-steps", paramLabel = "K", defaultValue = "" + RunOptions.DEFAULT_MAX_STEPS,
            description = "Stop after K instructions (default: ${DEFAULT-VALUE}).")
    long maxSteps;

    @Option(names = "--trace", description = "Print every executed instruction (step, pc, instruction, source line, writes).")
    boolean trace;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    /**
     * {@code --target tc}: checks the flags, compiles for the Tensor Computer and runs on the TC
     * engine called {@code --engine} ({@link tc.computer.TcEngines}: {@code interp}, or
     * {@code soft} at temperature {@code tau} once that engine is registered).
     */
    int runTc(Callable<tc.computer.backend.TcCompiled> compiler, double tau) throws Exception {
        if (maxSteps < 1) throw new ParameterException(spec.commandLine(), "--max-steps must be at least 1, got " + maxSteps);
        if (trace && json) throw new ParameterException(spec.commandLine(), "--trace and --json cannot be combined (--json prints one JSON object)");
        if (trace && !engine.equals("interp"))
            throw new ParameterException(spec.commandLine(), "--trace needs --engine interp with --target tc (the soft machine runs a blend of instructions, not one per step)");
        if (profile != null) throw new ParameterException(spec.commandLine(), "--profile selects transformer weights for the Loom target; it does not apply to --target tc");
        if (!(tau > 0) || Double.isInfinite(tau)) throw new ParameterException(spec.commandLine(), "--tau must be a positive number, got " + tau);
        tc.computer.engine.TcEngine e;
        try {
            e = tc.computer.TcEngines.get(engine, tau);
        } catch (IllegalArgumentException bad) {
            throw new ParameterException(spec.commandLine(), bad.getMessage());
        }
        return TcRun.run(compiler.call(), e, maxSteps, json, trace, spec.commandLine().getOut());
    }

    /**
     * Checks the flags (usage errors, before any file is read), loads the program, runs it and
     * prints the report; returns the exit code: OK when it halted.
     */
    int run(Callable<ProgramLoader.Loaded> loader) throws Exception {
        if (maxSteps < 1) throw new ParameterException(spec.commandLine(), "--max-steps must be at least 1, got " + maxSteps);
        if (trace && json) throw new ParameterException(spec.commandLine(), "--trace and --json cannot be combined (--json prints one JSON object)");
        Engine e;
        try {
            e = Engines.get(engine, profile);
        } catch (IllegalArgumentException bad) {
            throw new ParameterException(spec.commandLine(), bad.getMessage());
        }
        ProgramLoader.Loaded loaded = loader.call();
        var out = spec.commandLine().getOut();
        RunOptions options = RunOptions.defaults().withMaxSteps(maxSteps);
        if (trace) {
            SourceFile c = loaded.cSource() == null ? null : new SourceFile(loaded.source().name(), loaded.cSource());
            TracePrinter.Loom printer = TracePrinter.loom(out, loaded.program(), c);
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
