package tc.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import tc.loom.Engines;
import tc.loom.engine.Engine;
import tc.loom.engine.PassKind;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.engine.ForwardPass;
import tc.loom.engine.TransformerEngine;
import tc.loom.engine.TransformerRunner;
import tc.loom.interp.Interpreter;
import tc.loom.isa.Program;
import tc.loom.state.StateMatrix;

/**
 * Times the bundled programs on the chosen engines. Figures are only measured and reported,
 * never compared against a threshold: a slow machine gives slow numbers, not a failure.
 *
 * <p>Each (program, engine) pair gets its warm-up runs (the first one builds the transformer's
 * weights, which are then cached by the engine), then {@code repeat} timed runs. The interpreter
 * runs every program to HALT through {@link Engine#run}; the transformer engines run the program
 * through their step engine up to their step cap, timing the first step (a full recomputation)
 * apart from the steady steps after it, and their final state is checked against the
 * interpreter's after as many steps.
 */
public final class Bench {
    /** The interpreter's runs take microseconds: warm it this long so the JIT has compiled it. */
    private static final long INTERP_WARMUP_NANOS = 200_000_000L;
    /** Dense warm-up runs are cut to this many steps: enough to build the weights and JIT the loops. */
    private static final long DENSE_WARMUP_STEPS = 2;

    private final BenchSettings settings;
    private final Consumer<String> progress;

    /** @param progress told what is being measured (one short line each), or ignored */
    public Bench(BenchSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs every program on every engine. */
    public BenchReport run() {
        List<Measurement> rows = new ArrayList<>();
        for (String name : settings.programs()) {
            BenchProgram bp = BenchProgram.named(name);
            Program program = bp.compile();
            for (String engine : settings.engines()) {
                progress.accept(name + " on " + engine);
                rows.add(measure(bp, program, engine));
            }
        }
        return new BenchReport(settings, MachineInfo.current(), rows);
    }

    private Measurement measure(BenchProgram bp, Program program, String engineName) {
        String profile = BenchSettings.profileOf(engineName);
        Engine engine = Engines.get(engineName, profile);
        long cap = settings.capFor(engineName);
        return profile == null ? measureInterpreter(bp, program, engine) : measureTransformer(bp, program, (TransformerEngine) engine, cap);
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
                : "WRONG: " + (result.halted() ? "retval " + got : result.status().name().toLowerCase(java.util.Locale.ROOT))
                        + ", expected retval " + bp.expectedRetval();
        return new Measurement(bp.name(), engine.name(), null, result.steps(), result.halted(), cold,
                times, List.of(), result.steps(), times, ok, text);
    }

    /**
     * Runs through the step engine directly, so setup (a fresh step engine and the initial state),
     * the first step and the steady steps are timed apart; the weights come from the engine's
     * cache, built by the warm-up.
     */
    private Measurement measureTransformer(BenchProgram bp, Program program, TransformerEngine engine, long cap) {
        long cold = -1;
        long warmCap = engine.kind() == PassKind.DENSE ? Math.min(DENSE_WARMUP_STEPS, cap) : cap;
        for (int i = 0; i < settings.warmup(); i++) {
            long t = System.nanoTime();
            timedRun(program, engine, warmCap);
            if (i == 0) cold = System.nanoTime() - t;
        }
        List<Long> runs = new ArrayList<>(), firsts = new ArrayList<>(), steadies = new ArrayList<>();
        Timed last = null;
        for (int i = 0; i < settings.repeat(); i++) {
            last = timedRun(program, engine, cap);
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
        return new Measurement(bp.name(), engine.name(), "loom-v1", last.steps(), x.pc() == 0, cold,
                runs, firsts, steady, steadies, ok, text);
    }

    /** One run's times: whole run, first step, the steps after it; and the state it left. */
    private record Timed(long total, long first, long steady, long steps, StateMatrix state) {}

    private static Timed timedRun(Program program, TransformerEngine engine, long cap) {
        long start = System.nanoTime();
        ForwardPass steps = engine.kind().create(engine.model(program.config()));
        StateMatrix x = StateMatrix.initial(program);
        long[] firstEnd = {-1};
        long stepsStart = System.nanoTime();
        long ran = new TransformerRunner(steps).run(x, cap, (step, pc, after) -> {
            if (step == 1) firstEnd[0] = System.nanoTime();
        });
        long end = System.nanoTime();
        long first = firstEnd[0] < 0 ? 0 : firstEnd[0] - stepsStart;
        long steady = firstEnd[0] < 0 ? 0 : end - firstEnd[0];
        return new Timed(end - start, first, steady, ran, x);
    }
}
