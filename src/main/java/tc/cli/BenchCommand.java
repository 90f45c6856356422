package tc.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tc.bench.Bench;
import tc.bench.BenchProgram;
import tc.bench.BenchReport;
import tc.bench.BenchSettings;
import tc.bench.SoftBenchmark;
import tc.computer.soft.SoftAddressing;

/**
 * {@code tc bench}: times the bundled programs on the interpreter and the transformer engines.
 * It reports figures and never fails because of them; it exits 1 only when an engine that should
 * be exact computed a wrong result (which would make its figures meaningless).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the engines' speed on bundled programs (155x1024) and print a table.",
                "The interpreter runs each program to HALT; the transformer engines run loom-v1 weights "
                        + "for at most --steps steps (dense, the slowest: --dense-steps). "
                        + "Each result is checked against the interpreter. Timings are reported, never judged."},
        footer = {"", "Examples:",
                "  tc bench",
                "  tc bench --engines interp,sparse --steps 1000 --repeat 5",
                "  tc bench --json > bench.json",
                "  tc bench --target tc --repeat 30"})
final class BenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--engines", paramLabel = "E,E…", split = ",", completionCandidates = EngineNames.class,
            description = "Engines to measure, in order (default: interp,sparse,dense).")
    List<String> engines = BenchSettings.DEFAULT_ENGINES;

    @Option(names = "--programs", paramLabel = "P,P…", split = ",",
            description = "Bundled programs to run: loop, recursion, sort (default: all).")
    List<String> programs = BenchProgram.NAMES;

    @Option(names = "--steps", paramLabel = "K", defaultValue = "" + BenchSettings.DEFAULT_STEPS,
            description = "Step cap for the transformer engines except dense (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--dense-steps", paramLabel = "K", defaultValue = "" + BenchSettings.DEFAULT_DENSE_STEPS,
            description = "Step cap for dense (default: ${DEFAULT-VALUE}; never more than --steps).")
    long denseSteps;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "" + BenchSettings.DEFAULT_REPEAT,
            description = "Timed runs per program and engine; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "" + BenchSettings.DEFAULT_WARMUP,
            description = "Untimed runs first; the first builds the weights (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    boolean json;

    @Option(names = "--target", paramLabel = "loom|tc", defaultValue = "loom", converter = IsaTarget.Converter.class,
            completionCandidates = IsaTarget.Names.class,
            description = {"loom (default): the engines above on the bundled programs.",
                    "tc: the Tensor Computer's soft machine, forward and forward + backward of a 16-instruction "
                            + "program, batch --batch, --tc-steps steps (issue 4's benchmark)."})
    IsaTarget target;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "64", description = "--target tc: batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--tc-steps", paramLabel = "T", defaultValue = "32", description = "--target tc: steps per run (default: ${DEFAULT-VALUE}).")
    int tcSteps;

    @Option(names = "--save-workload", paramLabel = "FILE",
            description = "--target tc: also write the workload (parameters, inputs, targets, Java's loss) as JSON "
                    + "for bench/pytorch_soft_step.py.")
    java.nio.file.Path saveWorkload;

    @Override public Integer call() {
        var parsed = spec.commandLine().getParseResult();
        // options of the other target would be silently ignored: say so instead
        for (String loomOnly : new String[] {"--engines", "--programs", "--steps", "--dense-steps"})
            if (target == IsaTarget.TC && parsed.hasMatchedOption(loomOnly))
                throw new ParameterException(spec.commandLine(), loomOnly + " applies to --target loom, not tc");
        for (String tcOnly : new String[] {"--batch", "--tc-steps", "--save-workload"})
            if (target != IsaTarget.TC && parsed.hasMatchedOption(tcOnly))
                throw new ParameterException(spec.commandLine(), tcOnly + " needs --target tc");
        if (target == IsaTarget.TC) return softMachine();
        BenchSettings settings;
        try {
            settings = new BenchSettings(engines, programs, steps, Math.min(denseSteps, steps), repeat, warmup);
        } catch (IllegalArgumentException bad) {
            throw new ParameterException(spec.commandLine(), bad.getMessage());
        }
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        // Progress only for a person at a terminal: it would clutter logs and captured output.
        boolean progress = !json && ProgressBar.stderrIsTerminal();
        BenchReport report = new Bench(settings, what -> {
            if (progress) {
                err.print("\rmeasuring " + what + "...                    ");
                err.flush();
            }
        }).run();
        if (progress) err.print("\r" + " ".repeat(60) + "\r");
        if (json) out.println(report.json());
        else report.printText(out);
        out.flush();
        return report.allChecked() ? Main.OK : Main.FAILURE;
    }

    /** {@code --target tc}: the soft machine's figures; they are reported, never judged. */
    private int softMachine() {
        SoftBenchmark.Result result;
        try {
            // the soft step needs the JIT warm: more runs than the engines' defaults unless asked
            var parsed = spec.commandLine().getParseResult();
            int reps = parsed.hasMatchedOption("--repeat") ? repeat : 20;
            int warm = parsed.hasMatchedOption("--warmup") ? warmup : 10;
            result = SoftBenchmark.run(batch, tcSteps, reps, warm, SoftAddressing.LOCATION);
        } catch (IllegalArgumentException bad) {
            throw new ParameterException(spec.commandLine(), bad.getMessage());
        }
        if (saveWorkload != null) {
            try {
                AtomicFiles.write(saveWorkload, SoftBenchmark.workloadJson(batch, tcSteps) + "\n");
            } catch (java.io.IOException e) {
                throw new UserError("cannot write " + saveWorkload + ": " + e.getMessage());
            }
        }
        var out = spec.commandLine().getOut();
        if (json) out.println(result.json());
        else result.printText(out);
        out.flush();
        return Main.OK;
    }
}
