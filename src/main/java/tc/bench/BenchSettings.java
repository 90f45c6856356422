package tc.bench;

import java.util.ArrayList;
import java.util.List;
import tc.loom.Engines;
import tc.loom.engine.RunOptions;
import tc.loom.isa.MachineConfig;

/**
 * What {@code tc bench} measures.
 *
 * @param engines    engine names (the interpreter and the transformer engines), in table order
 * @param programs   bundled program names, in table order
 * @param configs    machine configurations every program is compiled for, in table order
 * @param profiles   weight profiles the transformer engines run ({@link Engines#PROFILES}), in table order
 * @param steps      step cap for the transformer engines other than fast and dense
 * @param fastSteps  step cap for fast, the quickest transformer engine: it needs many steps for a
 *                   steady figure (the bench programs halt before the default)
 * @param denseSteps step cap for dense, the slowest by far
 * @param repeat     timed runs per row; the median is reported
 * @param warmup     untimed runs before them
 */
public record BenchSettings(List<String> engines, List<String> programs, List<MachineConfig> configs, List<String> profiles,
                            long steps, long fastSteps, long denseSteps, int repeat, int warmup) {
    public static final long DEFAULT_STEPS = 300;
    public static final long DEFAULT_FAST_STEPS = 3000;
    public static final long DEFAULT_DENSE_STEPS = 100;
    public static final int DEFAULT_REPEAT = 3;
    public static final int DEFAULT_WARMUP = 1;
    public static final List<String> DEFAULT_ENGINES = List.of("interp", "fast", "sparse", "dense");
    /** The paper's three configurations, smallest first. */
    public static final List<MachineConfig> DEFAULT_CONFIGS = MachineConfig.namedInOrder();
    public static final List<String> DEFAULT_PROFILES = Engines.PROFILES;

    /** @throws IllegalArgumentException with a one-line reason when a setting is out of range or unknown */
    public BenchSettings {
        engines = List.copyOf(engines);
        programs = List.copyOf(programs);
        configs = List.copyOf(configs);
        profiles = List.copyOf(profiles);
        if (engines.isEmpty()) throw new IllegalArgumentException("no engines to measure: give --engines " + String.join(",", DEFAULT_ENGINES) + " or a subset");
        if (programs.isEmpty()) throw new IllegalArgumentException("no programs to measure: choose from " + String.join(", ", BenchProgram.NAMES));
        if (configs.isEmpty()) throw new IllegalArgumentException("no configurations to measure: choose from " + String.join(", ", MachineConfig.NAMED.keySet()));
        if (profiles.isEmpty()) throw new IllegalArgumentException("no profiles to measure: choose from " + String.join(", ", Engines.PROFILES));
        for (String e : engines) isInterpreter(e);
        for (String p : programs)
            if (!BenchProgram.NAMES.contains(p))
                throw new IllegalArgumentException("unknown bench program '" + p + "': choose one of " + String.join(", ", BenchProgram.NAMES));
        for (String p : profiles)
            if (!Engines.PROFILES.contains(p))
                throw new IllegalArgumentException("unknown profile '" + p + "': choose from " + String.join(", ", Engines.PROFILES));
        if (engines.stream().distinct().count() != engines.size()) throw new IllegalArgumentException("an engine is listed twice in " + engines);
        if (programs.stream().distinct().count() != programs.size()) throw new IllegalArgumentException("a program is listed twice in " + programs);
        if (configs.stream().distinct().count() != configs.size())
            throw new IllegalArgumentException("a configuration is listed twice in " + configs.stream().map(MachineConfig::name).toList());
        if (profiles.stream().distinct().count() != profiles.size()) throw new IllegalArgumentException("a profile is listed twice in " + profiles);
        if (steps < 1) throw new IllegalArgumentException("--steps must be at least 1, got " + steps);
        if (fastSteps < 1) throw new IllegalArgumentException("--fast-steps must be at least 1, got " + fastSteps);
        if (denseSteps < 1) throw new IllegalArgumentException("--dense-steps must be at least 1, got " + denseSteps);
        if (repeat < 1) throw new IllegalArgumentException("--repeat must be at least 1, got " + repeat);
        if (warmup < 0) throw new IllegalArgumentException("--warmup must not be negative, got " + warmup);
    }

    public static BenchSettings defaults() {
        return new BenchSettings(DEFAULT_ENGINES, BenchProgram.NAMES, DEFAULT_CONFIGS, DEFAULT_PROFILES,
                DEFAULT_STEPS, DEFAULT_FAST_STEPS, DEFAULT_DENSE_STEPS, DEFAULT_REPEAT, DEFAULT_WARMUP);
    }

    /**
     * The named configurations called {@code names} ({@code 146x512}, {@code 155x1024},
     * {@code 164x2048}), in order. Custom {@code s,m,n,N} shapes are not offered: their commas
     * would clash with the list's.
     *
     * @throws IllegalArgumentException naming the choices when a name is unknown
     */
    public static List<MachineConfig> configsNamed(List<String> names) {
        List<MachineConfig> out = new ArrayList<>();
        for (String name : names) {
            if (!MachineConfig.NAMED.containsKey(name.trim()))
                throw new IllegalArgumentException("unknown configuration '" + name + "': choose from " + String.join(", ", MachineConfig.NAMED.keySet()));
            out.add(MachineConfig.parse(name));
        }
        return out;
    }

    /**
     * Whether {@code engine} is the interpreter (it has no weights, so no profile) rather than a
     * transformer engine.
     *
     * @throws IllegalArgumentException naming the choices when the engine is unknown
     */
    public static boolean isInterpreter(String engine) {
        if (!Engines.names().contains(engine))
            throw new IllegalArgumentException("unknown engine '" + engine + "': choose from " + String.join(", ", Engines.names()));
        return Engines.all().stream().anyMatch(e -> e.name().equals(engine));
    }

    /** Step cap for {@code engine}: none that matters for the interpreter (it runs every program to HALT). */
    public long capFor(String engine) {
        if (isInterpreter(engine)) return RunOptions.DEFAULT_MAX_STEPS;
        return switch (engine) {
            case "fast" -> fastSteps;
            case "dense" -> denseSteps;
            default -> steps;
        };
    }
}
