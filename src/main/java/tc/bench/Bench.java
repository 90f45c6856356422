package tc.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import tc.loom.Engines;
import tc.loom.engine.Engine;
import tc.loom.engine.ExactHost;
import tc.loom.engine.ForwardPass;
import tc.loom.engine.PassKind;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.engine.TransformerEngine;
import tc.loom.engine.TransformerRunner;
import tc.loom.interp.Interpreter;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;
import tc.loom.state.StateMatrix;
import tc.loom.transformer.LoomModel;

/**
 * Times the bundled programs on the chosen engines, configurations and weight profiles. Figures
 * are only measured and reported, never compared against a threshold: a slow machine gives slow
 * numbers, not a failure.
 *
 * <p>Each program is compiled for each configuration. The interpreter has no weights, so it is
 * measured once per (program, configuration): whole runs to HALT through {@link Engine#run}. Each
 * transformer engine is measured once per (program, configuration, profile): it runs the program
 * through its step engine up to its step cap, timing the first step (a full recomputation) apart
 * from the steady steps after it, and its final memory and PC are checked against the
 * interpreter's after as many steps. Every row gets its warm-up runs, then {@code repeat} timed
 * runs.
 *
 * <p>The weights of a (configuration, profile) are built once, timed apart, and shared by the
 * engines of that profile: they differ only in how they execute the same model. (They come from
 * an engine's cache, so a process that built them already times only the look-up.)
 */
public final class Bench {
    /** The interpreter's runs take microseconds: warm it this long so the JIT has compiled it. */
    private static final long INTERP_WARMUP_NANOS = 200_000_000L;
    /** The fast engine's runs take a fraction of a second: warm it at least this long, for the same reason. */
    private static final long FAST_WARMUP_NANOS = 200_000_000L;
    /** Dense warm-up runs are cut to this many steps: enough to JIT the loops. */
    private static final long DENSE_WARMUP_STEPS = 2;

    private final BenchSettings settings;
    private final Consumer<String> progress;

    /** @param progress told what is being measured (one short line each), or ignored */
    public Bench(BenchSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs every program on every engine, configuration and profile, in the report's row order. */
    public BenchReport run() {
        List<Measurement> rows = new ArrayList<>();
        Map<String, Long> weightNanos = new LinkedHashMap<>();
        List<String> interpreters = settings.engines().stream().filter(BenchSettings::isInterpreter).toList();
        List<String> transformers = settings.engines().stream().filter(e -> !BenchSettings.isInterpreter(e)).toList();
        for (MachineConfig config : settings.configs()) {
            Map<String, LoomModel> models = new LinkedHashMap<>();
            for (String name : settings.programs()) {
                BenchProgram bp = BenchProgram.named(name);
                Program program = bp.compile(config);
                for (String engine : interpreters) {
                    progress.accept(config.name() + ": " + name + " on " + engine);
                    rows.add(measureInterpreter(bp, program, Engines.get(engine)));
                }
                for (String profile : settings.profiles())
                    for (String engineName : transformers) {
                        TransformerEngine engine = (TransformerEngine) Engines.get(engineName, profile);
                        LoomModel model = models.computeIfAbsent(profile, p -> {
                            progress.accept(config.name() + ": building the " + p + " weights");
                            long t = System.nanoTime();
                            LoomModel built = engine.model(config);
                            weightNanos.put(BenchReport.key(config.name(), p), System.nanoTime() - t);
                            return built;
                        });
                        progress.accept(config.name() + " " + profile + ": " + name + " on " + engineName);
                        rows.add(measureTransformer(bp, program, engine, profile, model, settings.capFor(engineName)));
                    }
            }
        }
        return new BenchReport(settings, MachineInfo.current(), rows, weightNanos);
    }

    /** Whole runs to HALT, through {@link Engine#run}; its setup (the interpreter decodes the program each run) is timed too. */
    private Measurement measureInterpreter(BenchProgram bp, Program program, Engine engine) {
        RunOptions options = RunOptions.defaults();
        long cold = -1;
        if (settings.warmup() > 0) {
            long warmStart = System.nanoTime();
            for (int i = 0; i < settings.warmup() || System.nanoTime() - warmStart < INTERP_WARMUP_NANOS; i++) {
                long t = System.nanoTime();
                engine.run(program, options);
                if (i == 0) cold = System.nanoTime() - t;
            }
        }
        List<Long> times = new ArrayList<>();
        RunResult result = null;
        for (int i = 0; i < settings.repeat(); i++) {
            long t = System.nanoTime();
            result = engine.run(program, options);
            times.add(System.nanoTime() - t);
        }
        int got = result.cell(program.debug().retvalIndex());
        boolean ok = result.halted() && got == bp.expectedRetval();
        String text = ok ? "retval " + got + " as stated"
                : "WRONG: " + (result.halted() ? "retval " + got : result.status().name().toLowerCase(Locale.ROOT))
                        + ", expected retval " + bp.expectedRetval();
        return new Measurement(bp.name(), engine.name(), program.config().name(), null, result.steps(), result.halted(), cold,
                times, List.of(), result.steps(), times, ok, text);
    }

    /**
     * Runs through the step engine directly, so setup (a fresh step engine and the initial state
     * in the profile's layout), the first step and the steady steps are timed apart. On the exact
     * profile the host's rules apply as in {@link TransformerEngine#run}: the program is checked
     * first and a PC in a fault column stops the run (the bench programs never fault; a run that
     * did would differ from the interpreter and fail the check).
     */
    private Measurement measureTransformer(BenchProgram bp, Program program, TransformerEngine engine, String profile,
                                           LoomModel model, long cap) {
        IntPredicate stop = pc -> false;
        if (engine.exact()) {
            ExactHost.check(program);
            stop = pc -> ExactHost.stops(program, pc);
        }
        long cold = -1;
        long warmCap = engine.kind() == PassKind.DENSE ? Math.min(DENSE_WARMUP_STEPS, cap) : cap;
        long warmFor = engine.kind() == PassKind.FAST ? FAST_WARMUP_NANOS : 0;
        if (settings.warmup() > 0) {
            long warmStart = System.nanoTime();
            for (int i = 0; i < settings.warmup() || System.nanoTime() - warmStart < warmFor; i++) {
                long t = System.nanoTime();
                timedRun(program, engine, model, warmCap, stop);
                if (i == 0) cold = System.nanoTime() - t;
            }
        }
        List<Long> runs = new ArrayList<>(), firsts = new ArrayList<>(), steadies = new ArrayList<>();
        Timed last = null;
        for (int i = 0; i < settings.repeat(); i++) {
            last = timedRun(program, engine, model, cap, stop);
            runs.add(last.total());
            firsts.add(last.first());
            steadies.add(last.steady());
        }
        RunResult ref = new Interpreter().run(program, RunOptions.defaults().withMaxSteps(Math.max(1, last.steps())));
        StateMatrix x = last.state();
        int[] memory = new int[program.config().m()];
        for (int i = 0; i < memory.length; i++) memory[i] = x.memory(i);
        boolean ok = ref.steps() == last.steps() && ref.pc() == x.pc() && Arrays.equals(ref.memory(), memory);
        String text = (ok ? "= interp after " : "DIFFERS from interp after ") + last.steps() + " steps";
        long steady = Math.max(0, last.steps() - 1);
        return new Measurement(bp.name(), engine.name(), program.config().name(), profile, last.steps(), x.pc() == 0, cold,
                runs, firsts, steady, steadies, ok, text);
    }

    /** One run's times: whole run, first step, the steps after it; and the state it left. */
    private record Timed(long total, long first, long steady, long steps, StateMatrix state) {}

    private static Timed timedRun(Program program, TransformerEngine engine, LoomModel model, long cap, IntPredicate stop) {
        long start = System.nanoTime();
        ForwardPass steps = engine.kind().create(model);
        StateMatrix x = engine.initialState(program);
        long[] firstEnd = {-1};
        long stepsStart = System.nanoTime();
        long ran = new TransformerRunner(steps).run(x, cap, (step, pc, after) -> {
            if (step == 1) firstEnd[0] = System.nanoTime();
        }, stop);
        long end = System.nanoTime();
        long first = firstEnd[0] < 0 ? 0 : firstEnd[0] - stepsStart;
        long steady = firstEnd[0] < 0 ? 0 : end - firstEnd[0];
        return new Timed(end - start, first, steady, ran, x);
    }
}
