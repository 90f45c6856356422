package tc.bench;

import java.util.List;
import tc.loom.Engines;

/**
 * What {@code tc bench} measures.
 *
 * @param engines    engine names (interp and the loom-v1 transformer engines), in table order
 * @param programs   bundled program names, in table order
 * @param steps      step cap for the transformer engines other than dense
 * @param denseSteps step cap for dense (10–20 ms a step at 155×1024)
 * @param repeat     timed runs per program and engine; the median is reported
 * @param warmup     untimed runs before them (the first also builds the transformer's weights)
 */
public record BenchSettings(List<String> engines, List<String> programs, long steps, long denseSteps, int repeat, int warmup) {
    public static final long DEFAULT_STEPS = 300;
    public static final long DEFAULT_DENSE_STEPS = 100;
    public static final int DEFAULT_REPEAT = 3;
    public static final int DEFAULT_WARMUP = 1;
    public static final List<String> DEFAULT_ENGINES = List.of("interp", "sparse", "dense");

    /** @throws IllegalArgumentException with a one-line reason when a setting is out of range or unknown */
    public BenchSettings {
        engines = List.copyOf(engines);
        programs = List.copyOf(programs);
        if (engines.isEmpty()) throw new IllegalArgumentException("no engines to measure: give --engines interp,sparse,dense or a subset");
        if (programs.isEmpty()) throw new IllegalArgumentException("no programs to measure: choose from " + String.join(", ", BenchProgram.NAMES));
        for (String e : engines) profileOf(e);
        for (String p : programs)
            if (!BenchProgram.NAMES.contains(p))
                throw new IllegalArgumentException("unknown bench program '" + p + "': choose one of " + String.join(", ", BenchProgram.NAMES));
        if (engines.stream().distinct().count() != engines.size()) throw new IllegalArgumentException("an engine is listed twice in " + engines);
        if (programs.stream().distinct().count() != programs.size()) throw new IllegalArgumentException("a program is listed twice in " + programs);
        if (steps < 1) throw new IllegalArgumentException("--steps must be at least 1, got " + steps);
        if (denseSteps < 1) throw new IllegalArgumentException("--dense-steps must be at least 1, got " + denseSteps);
        if (repeat < 1) throw new IllegalArgumentException("--repeat must be at least 1, got " + repeat);
        if (warmup < 0) throw new IllegalArgumentException("--warmup must not be negative, got " + warmup);
    }

    public static BenchSettings defaults() {
        return new BenchSettings(DEFAULT_ENGINES, BenchProgram.NAMES, DEFAULT_STEPS, DEFAULT_DENSE_STEPS, DEFAULT_REPEAT, DEFAULT_WARMUP);
    }

    /**
     * The weight profile {@code engine} runs: null for the interpreter, loom-v1 (the only one
     * built) for the transformer engines.
     *
     * @throws IllegalArgumentException naming the choices when the engine is unknown
     */
    public static String profileOf(String engine) {
        if (!Engines.names().contains(engine))
            throw new IllegalArgumentException("unknown engine '" + engine + "': choose from " + String.join(", ", Engines.names()));
        return Engines.all().stream().anyMatch(e -> e.name().equals(engine)) ? null : "loom-v1";
    }

    /** Step cap for {@code engine}: none that matters for the interpreter (it runs every program to HALT). */
    public long capFor(String engine) {
        if (profileOf(engine) == null) return tc.loom.engine.RunOptions.DEFAULT_MAX_STEPS;
        return engine.equals("dense") ? denseSteps : steps;
    }
}
