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
import tc.bench.SeedBenchmark;
import tc.bench.SoftBenchmark;
import tc.computer.soft.SoftAddressing;
import tc.loom.isa.MachineConfig;

/**
 * {@code tc bench}: times the bundled programs on the interpreter and the transformer engines, at
 * each configuration and (for the transformers) each weight profile.
 * It reports figures and never fails because of them; it exits 1 only when an engine that should
 * be exact computed a wrong result (which would make its figures meaningless).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the engines' speed on bundled programs and print a table.",
                "Each program is compiled for each --configs configuration. The interpreter runs it to HALT (once per "
                        + "configuration: it has no weights); each transformer engine runs each --profiles profile's weights "
                        + "for at most --steps steps (fast: --fast-steps, dense, the slowest: --dense-steps). "
                        + "Each result is checked against the interpreter. Timings are reported, never judged.",
                "The defaults (3 programs x 3 configs x 2 profiles, engines interp,fast,sparse,dense) take a few minutes "
                        + "on 2 cores (5 on a busy 2-core machine), most of it dense at 164x2048; "
                        + "--configs 146x512, or --engines without dense, takes under a minute."},
        footer = {"", "Examples:",
                "  tc bench",
                "  tc bench --configs 164x2048 --profiles exact --engines interp,fast",
                "  tc bench --configs 146x512 --engines interp,sparse --steps 1000 --repeat 5",
                "  tc bench --json > bench.json",
                "  tc bench --target tc --repeat 30",
                "  tc bench --target tc --machine seed"})
final class BenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--engines", paramLabel = "E,E…", split = ",", completionCandidates = EngineNames.class,
            description = "Engines to measure, in order (default: interp,fast,sparse,dense; also softmax).")
    List<String> engines = BenchSettings.DEFAULT_ENGINES;

    @Option(names = "--programs", paramLabel = "P,P…", split = ",",
            description = "Bundled programs to run: loop, recursion, sort (default: all).")
    List<String> programs = BenchProgram.NAMES;

    @Option(names = "--configs", paramLabel = "C,C…", split = ",",
            description = "Configurations to compile and run every program for: 146x512, 155x1024, 164x2048 (default: all).")
    List<String> configs = BenchSettings.DEFAULT_CONFIGS.stream().map(MachineConfig::name).toList();

    @Option(names = "--profiles", paramLabel = "P,P…", split = ",",
            description = "Weight profiles for the transformer engines: exact, loom-v1 (default: both).")
    List<String> profiles = BenchSettings.DEFAULT_PROFILES;

    @Option(names = "--steps", paramLabel = "K", defaultValue = "" + BenchSettings.DEFAULT_STEPS,
            description = "Step cap for the transformer engines except fast and dense (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--fast-steps", paramLabel = "K", defaultValue = "" + BenchSettings.DEFAULT_FAST_STEPS,
            description = "Step cap for fast (default: ${DEFAULT-VALUE}; the bench programs halt sooner, after 481 to 1,306 steps).")
    long fastSteps;

    @Option(names = "--dense-steps", paramLabel = "K", defaultValue = "" + BenchSettings.DEFAULT_DENSE_STEPS,
            description = "Step cap for dense (default: ${DEFAULT-VALUE}; never more than --steps).")
    long denseSteps;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "" + BenchSettings.DEFAULT_REPEAT,
            description = "Timed runs per row (program, engine, config, profile); the median is reported (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "" + BenchSettings.DEFAULT_WARMUP,
            description = "Untimed runs first, per row (default: ${DEFAULT-VALUE}; with W > 0, fast and interp keep warming for at least 0.2 s). "
                    + "The weights are built once per config and profile, apart.")
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

    @Option(names = "--machine", paramLabel = "soft|seed", defaultValue = "soft",
            description = {"--target tc: soft (default) times the soft machine; seed times the discrete seed machine "
                    + "(memory hierarchy, demand paging of a 16,384-word array over 256 words of memory) in instructions "
                    + "per CPU second, against the flat cpu machine on the same program."})
    String machine;

    @Option(names = "--save-workload", paramLabel = "FILE",
            description = "--target tc: also write the workload (parameters, inputs, targets, Java's loss) as JSON "
                    + "for bench/pytorch_soft_step.py.")
    java.nio.file.Path saveWorkload;

    @Override public Integer call() {
        var parsed = spec.commandLine().getParseResult();
        // options of the other target would be silently ignored: say so instead
        for (String loomOnly : new String[] {"--engines", "--programs", "--configs", "--profiles", "--steps", "--fast-steps", "--dense-steps"})
            if (target == IsaTarget.TC && parsed.hasMatchedOption(loomOnly))
                throw new ParameterException(spec.commandLine(), loomOnly + " applies to --target loom, not tc");
        for (String tcOnly : new String[] {"--batch", "--tc-steps", "--save-workload"})
            if (target != IsaTarget.TC && parsed.hasMatchedOption(tcOnly))
                throw new ParameterException(spec.commandLine(), tcOnly + " needs --target tc");
        if (parsed.hasMatchedOption("--machine") && target != IsaTarget.TC)
            throw new ParameterException(spec.commandLine(), "--machine needs --target tc");
        if (!machine.equals("soft") && !machine.equals("seed"))
            throw new ParameterException(spec.commandLine(), "--machine must be soft or seed, got '" + machine + "'");
        if (target == IsaTarget.TC && machine.equals("seed")) return seedMachine(parsed);
        if (target == IsaTarget.TC) return softMachine();
        BenchSettings settings;
        try {
            settings = new BenchSettings(engines, programs, BenchSettings.configsNamed(configs), profiles, steps, fastSteps,
                    Math.min(denseSteps, steps), repeat, warmup);
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
        if (progress) err.print("\r" + " ".repeat(80) + "\r");
        if (json) out.println(report.json());
        else report.printText(out);
        out.flush();
        return report.allChecked() ? Main.OK : Main.FAILURE;
    }

    /** {@code --target tc --machine seed}: the discrete seed machine's throughput; reported, never judged. */
    private int seedMachine(picocli.CommandLine.ParseResult parsed) {
        for (String softOnly : new String[] {"--batch", "--tc-steps", "--save-workload"})
            if (parsed.hasMatchedOption(softOnly))
                throw new ParameterException(spec.commandLine(), softOnly + " applies to --machine soft, not seed");
        int reps = parsed.hasMatchedOption("--repeat") ? repeat : 20;
        int warm = parsed.hasMatchedOption("--warmup") ? warmup : 10;
        if (reps < 1 || warm < 0) throw new ParameterException(spec.commandLine(), "--repeat must be at least 1 and --warmup at least 0");
        SeedBenchmark.Result result = SeedBenchmark.run(tc.computer.isa.SeedConfig.SEED, 32_768, 16_384, reps, warm);
        var out = spec.commandLine().getOut();
        if (json) out.println(result.json());
        else out.print(result.text());
        out.flush();
        return Main.OK;
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
