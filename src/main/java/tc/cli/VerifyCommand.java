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
import tc.loom.Engines;
import tc.loom.engine.Engine;
import tc.loom.engine.RunOptions;
import tc.loom.engine.ForwardPass;
import tc.loom.engine.TransformerEngine;
import tc.loom.verify.LockstepVerifier;
import tc.loom.verify.Verification;
import tc.source.SourceFile;

/**
 * {@code tc verify}: runs a program on the ideal interpreter and on a transformer engine in
 * lockstep and reports the first step where PC, memory or the state's cleanliness disagree.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check a transformer engine against the ideal interpreter, step by step.",
                "After every instruction compares the PC, every memory cell and that every state entry is -1, 0 or +1 "
                        + "(exactly on the exact profile, within 1e-5 on loom-v1); stops at the first difference and shows the step, instruction, source line, "
                        + "the values and where in the state matrix it shows (row region, column). "
                        + "Files as for 'tc run'. Exit code 0 when both halt in agreement, 1 otherwise."},
        footer = {"", "Examples:",
                "  tc verify ../shared/loom-ref/programs/fibonacci_state.json --profile loom-v1",
                "  tc verify gcd.c --config 155x1024 --profile loom-v1 --json"})
final class VerifyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "FILE.c, FILE.json (program or Loom state) or FILE.s")
    Path file;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "fast", completionCandidates = TransformerEngineNames.class,
            description = "Transformer engine to check: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; dense is the slow one: see tc bench).")
    String engine;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "Weights: exact (default: the defects fixed, equal to the interpreter) or loom-v1 (the reference's, defects included).")
    String profile;

    @Mixin MachineOptions machine;

    @Option(names = "--max-steps", paramLabel = "K", defaultValue = "" + RunOptions.DEFAULT_MAX_STEPS,
            description = "Stop after K instructions (default: ${DEFAULT-VALUE}).")
    long maxSteps;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Override public Integer call() throws Exception {
        if (maxSteps < 1) throw new ParameterException(spec.commandLine(), "--max-steps must be at least 1, got " + maxSteps);
        Engine e;
        try {
            e = Engines.get(engine, profile);
        } catch (IllegalArgumentException bad) {
            throw new ParameterException(spec.commandLine(), bad.getMessage());
        }
        if (!(e instanceof TransformerEngine transformer))
            throw new ParameterException(spec.commandLine(), "verify checks a transformer engine against the interpreter; '" + engine
                    + "' is not one: choose one of " + String.join(", ", new TransformerEngineNames()));
        ProgramLoader.Loaded loaded = ProgramLoader.load(file, machine);
        EngineNames.warnIfApproximate(transformer, spec.commandLine().getErr());
        ForwardPass stepper = transformer.kind().create(transformer.model(loaded.program().config()));
        Verification v = LockstepVerifier.run(loaded.program(), stepper, maxSteps);
        SourceFile c = loaded.cSource() == null ? null : new SourceFile(loaded.source().name(), loaded.cSource());
        VerifyReport report = new VerifyReport(loaded.program(), v, c, transformer.name(), profileName());
        var out = spec.commandLine().getOut();
        if (json) out.println(report.json());
        else report.printText(out);
        out.flush();
        return v.verified() ? Main.OK : Main.FAILURE;
    }

    private String profileName() { return profile == null ? Engines.PROFILES.get(0) : profile; }
}
