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

    /** Null when not given: the default depends on --profile and on the input (see {@link #run}). */
    @Option(names = "--engine", paramLabel = "ENGINE", completionCandidates = EngineNames.class,
            description = "Engine to run on: ${COMPLETION-CANDIDATES} (default: interp; with --profile on a Loom state file: fast).")
    String engine;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = {"Weights for the transformer engines: exact (default: the defects fixed, equal to the interpreter) or loom-v1 (the reference's, defects included).",
                    "Needs a transformer --engine (dense, sparse, fast, softmax, onnx), except on a Loom state file, the transformer's own "
                            + "input: there --profile alone runs the fast engine, as 'tc verify' does, and says so on stderr."})
    String profile;

    /** What kind of file {@link #run} loads, as far as is known before reading it. */
    enum Input {
        /** A Loom state file ({@code tc run-state}). */
        LOOM_STATE,
        /** A .json file: a program file or a Loom state file, told apart by its content. */
        JSON,
        /** C source or assembly: never a Loom state. */
        PROGRAM
    }

    /** The default transformer engine, as in {@code tc verify}. */
    private static final String DEFAULT_TRANSFORMER = "fast";

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
    int runTc(Callable<tc.computer.backend.TcCompiled> compiler, double tau, tc.computer.backend.TcBackend.Machine machine, SeedOptions seed)
            throws Exception {
        if (maxSteps < 1) throw new ParameterException(spec.commandLine(), "--max-steps must be at least 1, got " + maxSteps);
        if (trace && json) throw new ParameterException(spec.commandLine(), "--trace and --json cannot be combined (--json prints one JSON object)");
        String engine = this.engine == null ? "interp" : this.engine;
        if (trace && !engine.equals("interp"))
            throw new ParameterException(spec.commandLine(), "--trace needs --engine interp with --target tc (the soft machine runs a blend of instructions, not one per step)");
        if (profile != null) throw new ParameterException(spec.commandLine(), "--profile selects transformer weights for the Loom target; it does not apply to --target tc");
        if (!(tau > 0) || Double.isInfinite(tau)) throw new ParameterException(spec.commandLine(), "--tau must be a positive number, got " + tau);
        if (machine == tc.computer.backend.TcBackend.Machine.SEED) {
            boolean soft = engine.equals("soft");
            if (!engine.equals("interp") && !soft)
                throw new ParameterException(spec.commandLine(), "--machine seed runs on --engine interp or soft, got '" + engine + "'");
            if (trace) throw new ParameterException(spec.commandLine(), "--trace is not available with --machine seed");
            String problem = soft ? SoftSeedRun.problem(seed, tau) : null;
            if (problem == null) problem = seed.check();
            if (problem != null) throw new ParameterException(spec.commandLine(), problem);
            if (soft) return SoftSeedRun.run(compiler.call(), seed, tau, maxSteps, json, spec.commandLine().getOut(), System.in);
            return TcRun.runSeed(compiler.call(), seed, maxSteps, json, spec.commandLine().getOut());
        }
        tc.computer.engine.TcEngine e;
        try {
            e = tc.computer.TcEngines.get(engine, tau);
        } catch (IllegalArgumentException bad) {
            throw new ParameterException(spec.commandLine(), bad.getMessage());
        }
        return TcRun.run(compiler.call(), e, maxSteps, json, trace, spec.commandLine().getOut());
    }

    /**
     * Checks the flags (usage errors, before any file is read where the file's kind is known from
     * its name), loads the program, runs it and prints the report; returns the exit code: OK when
     * it halted.
     *
     * <p>{@code --profile} names transformer weights, so without {@code --engine} it is a usage
     * error on a program (whose default engine, the interpreter, has no weights), while on a Loom
     * state file, which is the transformer's own input, it selects the fast transformer, the
     * default of {@code tc verify}, and a note on stderr says so.
     */
    int run(Callable<ProgramLoader.Loaded> loader, Input input) throws Exception {
        if (maxSteps < 1) throw new ParameterException(spec.commandLine(), "--max-steps must be at least 1, got " + maxSteps);
        if (trace && json) throw new ParameterException(spec.commandLine(), "--trace and --json cannot be combined (--json prints one JSON object)");
        boolean implied = engine == null && profile != null;
        Engine e;
        try {
            e = Engines.get(implied ? DEFAULT_TRANSFORMER : engine == null ? "interp" : engine, profile);
        } catch (IllegalArgumentException bad) {
            throw new ParameterException(spec.commandLine(), bad.getMessage());
        }
        if (implied && input == Input.PROGRAM) throw profileNeedsEngine();
        ProgramLoader.Loaded loaded = loader.call();
        if (implied && !loaded.loomState()) throw profileNeedsEngine();
        if (implied)
            spec.commandLine().getErr().println("tc: note: --profile " + profile + " without --engine: running the Loom state file on the "
                    + DEFAULT_TRANSFORMER + " transformer engine");
        var out = spec.commandLine().getOut();
        RunOptions options = RunOptions.defaults().withMaxSteps(maxSteps);
        if (trace) {
            SourceFile c = loaded.cSource() == null ? null : new SourceFile(loaded.source().name(), loaded.cSource());
            TracePrinter.Loom printer = TracePrinter.loom(out, loaded.program(), c);
            printer.header();
            options = options.withTrace(printer);
        }
        EngineNames.warnIfApproximate(e, spec.commandLine().getErr());
        long start = System.nanoTime();
        RunResult result = e.run(loaded.program(), options);
        long nanos = System.nanoTime() - start;
        RunReport report = new RunReport(loaded.program(), result, e, nanos);
        if (json) out.println(report.json());
        else report.printText(out);
        out.flush();
        return result.halted() ? Main.OK : Main.FAILURE;
    }

    private ParameterException profileNeedsEngine() {
        return new ParameterException(spec.commandLine(), "--profile " + profile + " needs a transformer --engine ("
                + String.join(", ", new TransformerEngineNames()) + "): the default engine, interp, has no weights");
    }
}
