package tc.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tc.loom.isa.MachineConfig;

/**
 * The outcome of {@code tc bench}: a table for people or one JSON object for tracking figures
 * over time. Ratios are per step: how many times the interpreter's time per step an engine takes
 * (same program and configuration), and how many times one transformer engine's time per step
 * another takes (same program, configuration and profile): dense / sparse, dense / fast,
 * sparse / fast.
 *
 * @param weightNanos time to build each (configuration, profile)'s weights, keyed by
 *                    {@link #key(String, String) "config/profile"}
 */
public record BenchReport(BenchSettings settings, MachineInfo machine, List<Measurement> rows, Map<String, Long> weightNanos) {
    /** REFERENCE.md §0.11: the reference torch implementation at 155×1024, quoted (not measured here). */
    public static final double QUOTED_REFERENCE_TORCH_MS_PER_STEP = 422;
    /** REFERENCE.md §0.11: an independent sparse re-implementation at 155×1024 (unused columns dropped), quoted. */
    public static final double QUOTED_SPARSE_REIMPL_MS_PER_STEP = 1.8;

    /**
     * The (configuration, profile) the JSON's {@code config} and {@code denseOverSparse} describe
     * when it was measured: what {@code tc bench} measured before it had more than one, so figures
     * tracked over time stay comparable.
     */
    public static final String PRIMARY_CONFIG = "155x1024", PRIMARY_PROFILE = "loom-v1";

    /** Engine pairs whose ratio of time per step is reported, numerator first. */
    static final List<List<String>> RATIOS = List.of(List.of("dense", "sparse"), List.of("dense", "fast"), List.of("sparse", "fast"));

    private static final ObjectMapper JSON = new ObjectMapper();

    public BenchReport {
        rows = List.copyOf(rows);
        weightNanos = Map.copyOf(weightNanos);
    }

    /** A report without weight-building times. */
    public BenchReport(BenchSettings settings, MachineInfo machine, List<Measurement> rows) { this(settings, machine, rows, Map.of()); }

    /** "146x512/exact": how ratios and weight times are keyed (with "/program" appended for ratios). */
    public static String key(String config, String profile) { return config + "/" + profile; }

    /** The measurement of {@code program} on {@code engine} at {@code config} with {@code profile} (null for the interpreter), if any. */
    public Optional<Measurement> find(String program, String config, String profile, String engine) {
        return rows.stream().filter(r -> r.program().equals(program) && r.config().equals(config)
                && Objects.equals(r.profile(), profile) && r.engine().equals(engine)).findFirst();
    }

    /** Time per step of {@code row} over the interpreter's on the same program and configuration; NaN without an interpreter row. */
    public double timesInterp(Measurement row) {
        return find(row.program(), row.config(), null, "interp").map(i -> row.nanosPerStep() / i.nanosPerStep()).orElse(Double.NaN);
    }

    /** {@code over}'s time per step over {@code under}'s for one program, configuration and profile; NaN unless both were measured. */
    public double ratio(String over, String under, String program, String config, String profile) {
        var a = find(program, config, profile, over);
        var b = find(program, config, profile, under);
        return a.isPresent() && b.isPresent() ? a.get().nanosPerStep() / b.get().nanosPerStep() : Double.NaN;
    }

    /** Dense's time per step over sparse's for {@code program} at the {@link #primary()} configuration and profile. */
    public double denseOverSparse(String program) {
        List<String> p = primary();
        return ratio("dense", "sparse", program, p.get(0), p.get(1));
    }

    /**
     * The configuration and profile (in that order) the JSON's {@code config} and
     * {@code denseOverSparse} describe: {@value #PRIMARY_CONFIG} with {@value #PRIMARY_PROFILE} when
     * both were measured, else the first of each.
     */
    public List<String> primary() {
        String config = settings.configs().stream().map(MachineConfig::name).anyMatch(PRIMARY_CONFIG::equals)
                ? PRIMARY_CONFIG : settings.configs().get(0).name();
        String profile = settings.profiles().contains(PRIMARY_PROFILE) ? PRIMARY_PROFILE : settings.profiles().get(0);
        return List.of(config, profile);
    }

    /**
     * Whether every engine meant to be exact got the right result (see {@link Measurement#check()}).
     * softmax is an approximation under study, so its disagreement is reported but not counted.
     */
    public boolean allChecked() { return rows.stream().filter(r -> !r.engine().equals("softmax")).allMatch(Measurement::check); }

    public void printText(PrintWriter out) {
        BenchSettings s = settings;
        List<String> configs = s.configs().stream().map(MachineConfig::name).toList();
        out.println("tc bench: " + s.programs().size() + " programs x " + s.engines().size() + " engines on " + String.join(", ", configs)
                + " (" + s.configs().get(0).wordBits() + "-bit words), profiles " + String.join(", ", s.profiles()) + ", " + machine.date());
        out.println("machine:  " + machine.describe());
        out.println("settings: interp runs each program to HALT; transformer engines run each profile's weights, at most "
                + s.steps() + " steps (fast " + s.fastSteps() + ", dense " + s.denseSteps() + "); " + s.warmup()
                + " warm-up run(s), median of " + s.repeat() + " timed run(s)");
        out.println();
        String fmt = "%-9s %-10s %-7s %-8s %6s %10s %11s %11s %13s %11s  %s%n";
        out.printf(Locale.ROOT, fmt, "config", "program", "engine", "profile", "steps", "wall ms", "1st step", "per step", "steps/s", "x interp", "check");
        String previous = null;
        for (Measurement r : rows) {
            if (previous != null && !previous.equals(r.config())) out.println();
            previous = r.config();
            long first = r.firstStepMedianNanos();
            out.printf(Locale.ROOT, fmt, r.config(), r.program(), r.engine(), r.profile() == null ? "-" : r.profile(), r.steps(),
                    String.format(Locale.ROOT, "%.3f", r.medianNanos() / 1e6), first < 0 ? "-" : perStep(first), perStep(r.nanosPerStep()),
                    String.format(Locale.ROOT, r.stepsPerSecond() < 100 ? "%.2f" : "%,.0f", r.stepsPerSecond()),
                    ratio(timesInterp(r)), r.checkText());
        }
        out.println();
        out.println("wall ms: a whole run (for transformers: a fresh step engine, the initial state and every step; weights prebuilt);");
        out.println("1st step: recomputes the whole state; per step, steps/s and x interp: the steps after it (median run);");
        out.println("x interp: over the interpreter's time per step on the same program and config");
        List<List<String>> pairs = RATIOS.stream().filter(p -> s.engines().containsAll(p)).toList();
        if (!pairs.isEmpty()) {
            out.println();
            out.println("time per step, one engine's over another's (same program, config and profile):");
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-9s %-8s %-15s", "config", "profile", "ratio"));
            for (String p : s.programs()) head.append(String.format(Locale.ROOT, " %10s", p));
            out.println(head);
            for (String config : configs)
                for (String profile : s.profiles())
                    for (List<String> pair : pairs) {
                        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-9s %-8s %-15s", config, profile,
                                pair.get(0) + " / " + pair.get(1)));
                        for (String p : s.programs())
                            line.append(String.format(Locale.ROOT, " %10s", ratio(ratio(pair.get(0), pair.get(1), p, config, profile))));
                        out.println(line);
                    }
        }
        out.println();
        out.println("quoted, not measured here (REFERENCE.md §0.11, 155x1024, on the machine its authors used): reference torch "
                + fmtMs(QUOTED_REFERENCE_TORCH_MS_PER_STEP) + " ms/step; an independent sparse re-implementation "
                + fmtMs(QUOTED_SPARSE_REIMPL_MS_PER_STEP) + " ms/step");
        if (!allChecked()) out.println("WARNING: some results were wrong (see the check column); their timings measure a wrong computation");
        else if (!rows.stream().allMatch(Measurement::check)) out.println("note: softmax (an approximation) differs from the interpreter, as expected");
    }

    /** "94.2 ns", "12.50 us", "2.61 ms". */
    static String perStep(double nanos) {
        if (Double.isNaN(nanos)) return "n/a";
        if (nanos < 1e3) return String.format(Locale.ROOT, "%.1f ns", nanos);
        if (nanos < 1e6) return String.format(Locale.ROOT, "%.2f us", nanos / 1e3);
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    private static String ratio(double r) {
        if (Double.isNaN(r)) return "-";
        return String.format(Locale.ROOT, r >= 100 ? "%,.0fx" : "%.1fx", r);
    }

    private static String fmtMs(double ms) { return ms == Math.rint(ms) ? String.valueOf((long) ms) : String.valueOf(ms); }

    /**
     * The {@code --json} object: date, machine, config (the {@link #primary()} one), configs,
     * primary, settings, results, denseOverSparse (at the primary configuration and profile),
     * ratios, weightNanos, quoted.
     */
    public ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("date", machine.date());
        ObjectNode m = o.putObject("machine");
        m.put("availableProcessors", machine.processors());
        m.put("javaVersion", machine.javaVersion());
        m.put("javaVm", machine.javaVm());
        m.put("os", machine.os());
        m.put("arch", machine.arch());
        m.put("maxHeapBytes", machine.maxHeap());
        List<String> primary = primary();
        configJson(o.putObject("config"), settings.configs().stream().filter(c -> c.name().equals(primary.get(0))).findFirst().orElseThrow());
        var cs = o.putArray("configs");
        for (MachineConfig c : settings.configs()) configJson(cs.addObject(), c);
        ObjectNode pr = o.putObject("primary");
        pr.put("config", primary.get(0));
        pr.put("profile", primary.get(1));
        ObjectNode st = o.putObject("settings");
        settings.engines().forEach(st.putArray("engines")::add);
        settings.programs().forEach(st.putArray("programs")::add);
        var configNames = st.putArray("configs");
        settings.configs().forEach(c -> configNames.add(c.name()));
        settings.profiles().forEach(st.putArray("profiles")::add);
        st.put("steps", settings.steps());
        st.put("fastSteps", settings.fastSteps());
        st.put("denseSteps", settings.denseSteps());
        st.put("repeat", settings.repeat());
        st.put("warmup", settings.warmup());
        var results = o.putArray("results");
        for (Measurement r : rows) {
            ObjectNode j = results.addObject();
            j.put("program", r.program());
            j.put("engine", r.engine());
            j.put("config", r.config());
            if (r.profile() == null) j.putNull("profile"); else j.put("profile", r.profile());
            j.put("steps", r.steps());
            j.put("halted", r.halted());
            j.put("wallNanos", r.medianNanos());
            j.put("minWallNanos", r.minNanos());
            r.runNanos().forEach(j.putArray("runNanos")::add);
            j.put("coldRunNanos", r.coldNanos());
            j.put("firstStepNanos", r.firstStepMedianNanos());
            j.put("steadySteps", r.steadySteps());
            r.steadyNanos().forEach(j.putArray("steadyNanos")::add);
            number(j, "nanosPerStep", r.nanosPerStep());
            number(j, "stepsPerSecond", r.stepsPerSecond());
            number(j, "timesInterp", timesInterp(r));
            j.put("correct", r.check());
            j.put("check", r.checkText());
        }
        ObjectNode ds = o.putObject("denseOverSparse");
        for (String p : settings.programs()) number(ds, p, denseOverSparse(p));
        ObjectNode ratios = o.putObject("ratios");
        for (MachineConfig c : settings.configs())
            for (String profile : settings.profiles())
                for (String p : settings.programs()) {
                    ObjectNode one = ratios.putObject(key(c.name(), profile) + "/" + p);
                    for (List<String> pair : RATIOS)
                        number(one, pair.get(0) + "Over" + capitalised(pair.get(1)), ratio(pair.get(0), pair.get(1), p, c.name(), profile));
                }
        ObjectNode w = o.putObject("weightNanos");
        for (MachineConfig c : settings.configs())
            for (String profile : settings.profiles()) {
                Long n = weightNanos.get(key(c.name(), profile));
                if (n != null) w.put(key(c.name(), profile), n);
            }
        ObjectNode q = o.putObject("quoted");
        q.put("source", "REFERENCE.md §0.11 (not measured here)");
        q.put("config", "155x1024");
        q.put("referenceTorchMsPerStep", QUOTED_REFERENCE_TORCH_MS_PER_STEP);
        q.put("sparseReimplementationMsPerStep", QUOTED_SPARSE_REIMPL_MS_PER_STEP);
        return o;
    }

    private static void configJson(ObjectNode c, MachineConfig config) {
        c.put("name", config.name());
        c.put("s", config.s());
        c.put("m", config.m());
        c.put("n", config.n());
        c.put("N", config.wordBits());
    }

    private static String capitalised(String s) { return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1); }

    /** JSON has no NaN: a figure that could not be computed is null. */
    private static void number(ObjectNode o, String field, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) o.putNull(field); else o.put(field, v);
    }

    public String json() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
