package tc.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of {@code tc bench}: a table for people or one JSON object for tracking figures
 * over time. Ratios are per step: how many times the interpreter's time per step an engine takes,
 * and how many times sparse's time per step dense takes, for the same program.
 */
public record BenchReport(BenchSettings settings, MachineInfo machine, List<Measurement> rows) {
    /** REFERENCE.md §0.11: the reference torch implementation at 155×1024, quoted (not measured here). */
    public static final double QUOTED_REFERENCE_TORCH_MS_PER_STEP = 422;
    /** REFERENCE.md §0.11: an independent sparse re-implementation at 155×1024 (unused columns dropped), quoted. */
    public static final double QUOTED_SPARSE_REIMPL_MS_PER_STEP = 1.8;

    private static final ObjectMapper JSON = new ObjectMapper();

    public BenchReport {
        rows = List.copyOf(rows);
    }

    /** The measurement of {@code program} on {@code engine}, if it was measured. */
    public Optional<Measurement> find(String program, String engine) {
        return rows.stream().filter(r -> r.program().equals(program) && r.engine().equals(engine)).findFirst();
    }

    /** Time per step of {@code row} over the interpreter's on the same program; NaN without an interpreter row. */
    public double timesInterp(Measurement row) {
        return find(row.program(), "interp").map(i -> row.nanosPerStep() / i.nanosPerStep()).orElse(Double.NaN);
    }

    /** Dense's time per step over sparse's for {@code program}; NaN unless both were measured. */
    public double denseOverSparse(String program) {
        var sparse = find(program, "sparse");
        var dense = find(program, "dense");
        return sparse.isPresent() && dense.isPresent() ? dense.get().nanosPerStep() / sparse.get().nanosPerStep() : Double.NaN;
    }

    /**
     * Whether every engine meant to be exact got the right result (see {@link Measurement#check()}).
     * softmax is an approximation under study, so its disagreement is reported but not counted.
     */
    public boolean allChecked() { return rows.stream().filter(r -> !r.engine().equals("softmax")).allMatch(Measurement::check); }

    public void printText(PrintWriter out) {
        BenchSettings s = settings;
        out.println("tc bench: " + s.programs().size() + " programs x " + s.engines().size() + " engines on "
                + BenchProgram.CONFIG.name() + " (" + BenchProgram.CONFIG.wordBits() + "-bit words), " + machine.date());
        out.println("machine:  " + machine.describe());
        out.println("settings: interp runs each program to HALT; transformer engines run loom-v1 weights, at most "
                + s.steps() + " steps (dense " + s.denseSteps() + "); " + s.warmup() + " warm-up run(s), median of " + s.repeat() + " timed run(s)");
        out.println();
        String fmt = "%-10s %-7s %6s %10s %11s %11s %13s %10s  %s%n";
        out.printf(Locale.ROOT, fmt, "program", "engine", "steps", "wall ms", "1st step", "per step", "steps/s", "x interp", "check");
        for (Measurement r : rows) {
            long first = r.firstStepMedianNanos();
            out.printf(Locale.ROOT, fmt, r.program(), r.engine(), r.steps(), String.format(Locale.ROOT, "%.3f", r.medianNanos() / 1e6),
                    first < 0 ? "-" : perStep(first), perStep(r.nanosPerStep()), String.format(Locale.ROOT, r.stepsPerSecond() < 100 ? "%.2f" : "%,.0f", r.stepsPerSecond()),
                    ratio(timesInterp(r)), r.checkText());
        }
        out.println();
        out.println("wall ms: a whole run (for transformers: a fresh step engine, the initial state and every step; weights prebuilt);");
        out.println("1st step: recomputes the whole state; per step, steps/s and x interp: the steps after it (median run)");
        if (s.engines().contains("sparse") && s.engines().contains("dense")) {
            out.println();
            StringBuilder line = new StringBuilder("dense / sparse time per step:");
            for (String p : s.programs()) line.append(' ').append(p).append(' ').append(ratio(denseOverSparse(p)));
            out.println(line);
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

    /** The {@code --json} object: date, machine, config, settings, results, denseOverSparse, quoted. */
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
        ObjectNode c = o.putObject("config");
        c.put("name", BenchProgram.CONFIG.name());
        c.put("s", BenchProgram.CONFIG.s());
        c.put("m", BenchProgram.CONFIG.m());
        c.put("n", BenchProgram.CONFIG.n());
        c.put("N", BenchProgram.CONFIG.wordBits());
        ObjectNode st = o.putObject("settings");
        settings.engines().forEach(st.putArray("engines")::add);
        settings.programs().forEach(st.putArray("programs")::add);
        st.put("steps", settings.steps());
        st.put("denseSteps", settings.denseSteps());
        st.put("repeat", settings.repeat());
        st.put("warmup", settings.warmup());
        var results = o.putArray("results");
        for (Measurement r : rows) {
            ObjectNode j = results.addObject();
            j.put("program", r.program());
            j.put("engine", r.engine());
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
        ObjectNode q = o.putObject("quoted");
        q.put("source", "REFERENCE.md §0.11 (not measured here)");
        q.put("config", "155x1024");
        q.put("referenceTorchMsPerStep", QUOTED_REFERENCE_TORCH_MS_PER_STEP);
        q.put("sparseReimplementationMsPerStep", QUOTED_SPARSE_REIMPL_MS_PER_STEP);
        return o;
    }

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
