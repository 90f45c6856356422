package tc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tc.loom.isa.MachineConfig;

/** The report's arithmetic and rendering, on hand-made measurements (no timing involved). */
class BenchReportTest {
    private static final MachineInfo MACHINE = new MachineInfo(2, "25", "VM", "Linux 6", "amd64", 1L << 30, "2026-01-01T00:00:00Z");
    private static final List<MachineConfig> SMALL = List.of(MachineConfig.parse("146x512"));
    private static final BenchSettings SETTINGS = settings(List.of("interp", "sparse", "dense"), List.of("loom-v1"), SMALL, 100, 1000, 10);

    private static BenchSettings settings(List<String> engines, List<String> profiles, List<MachineConfig> configs, long steps, long fast, long dense) {
        return new BenchSettings(engines, List.of("sort"), configs, profiles, steps, fast, dense, 3, 1);
    }

    private static Measurement interp(String config, long nanos) {
        return new Measurement("sort", "interp", config, null, 500, true, 9_000, List.of(nanos, nanos + 2_000, nanos + 1_000), List.of(), 500,
                List.of(nanos, nanos + 2_000, nanos + 1_000), true, "retval 81 as stated");
    }

    private static Measurement interp() { return interp("146x512", 10_000); }

    private static Measurement transformer(String engine, String config, String profile, long steadyNanosPerStep, boolean ok) {
        long steady = 99 * steadyNanosPerStep;
        return new Measurement("sort", engine, config, profile, 100, false, 1, List.of(steady + 7, steady + 9, steady + 8),
                List.of(5L, 7L, 6L), 99, List.of(steady, steady + 2, steady + 1), ok, ok ? "= interp after 100 steps" : "DIFFERS");
    }

    private static Measurement transformer(String engine, long steadyNanosPerStep, boolean ok) {
        return transformer(engine, "146x512", "loom-v1", steadyNanosPerStep, ok);
    }

    @Test void medianAndPerStepFigures() {
        Measurement i = interp();
        assertEquals(11_000, i.medianNanos());
        assertEquals(10_000, i.minNanos());
        assertEquals(22.0, i.nanosPerStep(), 1e-9);
        assertEquals(1e9 / 22.0, i.stepsPerSecond(), 1e-3);
        assertEquals(-1, i.firstStepMedianNanos());
        Measurement s = transformer("sparse", 2_000_000, true);
        assertEquals(6, s.firstStepMedianNanos());
        assertEquals((99 * 2_000_000 + 1) / 99.0, s.nanosPerStep(), 1e-9);
        assertEquals(10L, Measurement.median(List.of(30L, 10L, 5L, 20L)), "lower middle of an even count");
    }

    @Test void ratiosAreTimePerStepOverTheInterpretersAndSparses() {
        BenchReport r = new BenchReport(SETTINGS, MACHINE, List.of(interp(), transformer("sparse", 2_000_000, true), transformer("dense", 500_000_000, true)));
        Measurement sparse = r.find("sort", "146x512", "loom-v1", "sparse").orElseThrow();
        assertEquals(sparse.nanosPerStep() / 22.0, r.timesInterp(sparse), 1e-6);
        assertEquals(1.0, r.timesInterp(r.find("sort", "146x512", null, "interp").orElseThrow()), 1e-12);
        assertEquals(r.find("sort", "146x512", "loom-v1", "dense").orElseThrow().nanosPerStep() / sparse.nanosPerStep(), r.denseOverSparse("sort"), 1e-9);
        assertTrue(r.allChecked());
    }

    /**
     * Two configurations and two profiles: each transformer row is compared with the interpreter
     * row of its own configuration, and engine ratios stay within one (configuration, profile).
     */
    @Test void rowsAreComparedWithinTheirConfigurationAndProfile() {
        List<MachineConfig> two = List.of(MachineConfig.parse("146x512"), MachineConfig.parse("164x2048"));
        BenchSettings s = settings(List.of("interp", "fast", "sparse", "dense"), List.of("exact", "loom-v1"), two, 100, 1000, 10);
        List<Measurement> rows = new ArrayList<>();
        // a transformer's time per step is made from its engine, configuration (x4 at 164x2048) and
        // profile (x3 on loom-v1), so every ratio below has one right answer
        Map<String, Long> engineNanos = Map.of("fast", 100_000L, "sparse", 1_000_000L, "dense", 8_000_000L);
        for (MachineConfig c : two) {
            int scale = c.n() / 512;
            rows.add(interp(c.name(), 10_000L * (scale == 1 ? 1 : 2)));
            for (String profile : s.profiles())
                for (String e : List.of("fast", "sparse", "dense"))
                    rows.add(transformer(e, c.name(), profile, engineNanos.get(e) * scale * (profile.equals("exact") ? 1 : 3), true));
        }
        BenchReport r = new BenchReport(s, MACHINE, rows, Map.of("146x512/exact", 5L));
        Measurement fastBig = r.find("sort", "164x2048", "loom-v1", "fast").orElseThrow();
        double interpBig = r.find("sort", "164x2048", null, "interp").orElseThrow().nanosPerStep();
        double interpSmall = r.find("sort", "146x512", null, "interp").orElseThrow().nanosPerStep();
        assertEquals(42.0, interpBig, 1e-9);
        assertEquals(22.0, interpSmall, 1e-9);
        assertEquals(fastBig.nanosPerStep() / 42.0, r.timesInterp(fastBig), 1e-6, "against 164x2048's interpreter, not 146x512's");
        assertEquals(80.0, r.ratio("dense", "fast", "sort", "164x2048", "exact"), 1e-4);
        assertEquals(10.0, r.ratio("sparse", "fast", "sort", "146x512", "loom-v1"), 1e-4);
        assertEquals(8.0, r.ratio("dense", "sparse", "sort", "146x512", "exact"), 1e-4);
        assertTrue(Double.isNaN(r.ratio("dense", "softmax", "sort", "146x512", "exact")));
        assertEquals(List.of("146x512", "loom-v1"), r.primary(), "155x1024 was not measured: the first configuration");

        JsonNode j = r.toJson();
        assertEquals("146x512", j.get("config").get("name").asText());
        assertEquals(512, j.get("config").get("n").asInt());
        assertEquals(2, j.get("configs").size());
        assertEquals("164x2048", j.get("configs").get(1).get("name").asText());
        assertEquals(224, j.get("configs").get(1).get("m").asInt());
        assertEquals("loom-v1", j.get("primary").get("profile").asText());
        assertEquals(List.of("146x512", "164x2048"), strings(j.get("settings").get("configs")));
        assertEquals(List.of("exact", "loom-v1"), strings(j.get("settings").get("profiles")));
        assertEquals(1000, j.get("settings").get("fastSteps").asInt());
        assertEquals(14, j.get("results").size());
        assertEquals("164x2048", j.get("results").get(7).get("config").asText());
        assertTrue(j.get("results").get(7).get("profile").isNull(), "the interpreter has no profile");
        assertEquals(8.0, j.get("denseOverSparse").get("sort").asDouble(), 1e-4);
        assertEquals(4, j.get("ratios").size(), "one per config, profile and program");
        JsonNode one = j.get("ratios").get("164x2048/exact/sort");
        assertEquals(8.0, one.get("denseOverSparse").asDouble(), 1e-4);
        assertEquals(80.0, one.get("denseOverFast").asDouble(), 1e-4);
        assertEquals(10.0, one.get("sparseOverFast").asDouble(), 1e-4);
        assertEquals(5, j.get("weightNanos").get("146x512/exact").asLong());
        assertFalse(j.get("weightNanos").has("164x2048/exact"), "only the times measured");

        String text = text(r);
        assertTrue(text.contains("tc bench: 1 programs x 4 engines on 146x512, 164x2048 (8-bit words), profiles exact, loom-v1"), text);
        assertTrue(text.contains("config    program    engine  profile   steps"), text);
        assertTrue(Pattern.compile("(?m)^164x2048\\s+sort\\s+interp\\s+-\\s+500\\s.*retval 81 as stated$").matcher(text).find(), text);
        assertTrue(Pattern.compile("(?m)^164x2048\\s+sort\\s+fast\\s+loom-v1\\s+100\\s.*= interp after 100 steps$").matcher(text).find(), text);
        assertTrue(text.contains("time per step, one engine's over another's (same program, config and profile):"), text);
        for (String line : List.of("146x512 exact dense / sparse 8.0x", "146x512 exact dense / fast 80.0x", "164x2048 loom-v1 sparse / fast 10.0x",
                "164x2048 exact dense / fast 80.0x"))
            assertTrue(Pattern.compile("(?m)^" + Pattern.quote(line).replace(" ", "\\E\\s+\\Q") + "$").matcher(text).find(), line + " missing:\n" + text);
    }

    @Test void thePrimaryConfigurationIsWhatTcBenchMeasuredBefore() {
        List<MachineConfig> all = BenchSettings.DEFAULT_CONFIGS;
        BenchReport r = new BenchReport(settings(List.of("interp"), List.of("exact", "loom-v1"), all, 5, 5, 5), MACHINE,
                all.stream().map(c -> interp(c.name(), 10_000)).toList());
        assertEquals(List.of("155x1024", "loom-v1"), r.primary());
        JsonNode j = r.toJson();
        assertEquals("155x1024", j.get("config").get("name").asText());
        assertEquals(64, j.get("config").get("m").asInt());
        assertEquals(3, j.get("configs").size());
        assertTrue(j.get("ratios").get("155x1024/loom-v1/sort").get("denseOverFast").isNull());
        assertFalse(text(r).contains("dense / fast"), "no ratio lines without both engines");
    }

    @Test void missingBaselinesGiveNullInJsonAndDashInText() {
        var settings = settings(List.of("sparse"), List.of("loom-v1"), SMALL, 100, 100, 10);
        BenchReport r = new BenchReport(settings, MACHINE, List.of(transformer("sparse", 2_000_000, true)));
        assertTrue(Double.isNaN(r.timesInterp(r.rows().get(0))));
        var json = r.toJson();
        for (String f : List.of("date", "machine", "config", "settings", "results", "denseOverSparse", "quoted", "configs", "ratios", "weightNanos"))
            assertTrue(json.has(f), f);
        assertTrue(json.get("results").get(0).get("timesInterp").isNull());
        assertTrue(json.get("denseOverSparse").get("sort").isNull());
        assertEquals(2_000_000, json.get("results").get(0).get("nanosPerStep").asDouble(), 1);
        assertEquals(422, json.get("quoted").get("referenceTorchMsPerStep").asDouble());
        assertEquals(1.8, json.get("quoted").get("sparseReimplementationMsPerStep").asDouble());
        String text = text(r);
        assertTrue(text.contains("2.00 ms"), text);
        assertTrue(text.contains("quoted, not measured here"), text);
    }

    @Test void aWrongResultIsFlaggedButSoftmaxDisagreementIsExpected() {
        BenchReport wrong = new BenchReport(SETTINGS, MACHINE, List.of(interp(), transformer("sparse", 2_000_000, false)));
        assertFalse(wrong.allChecked());
        assertTrue(text(wrong).contains("WARNING: some results were wrong"));
        var soft = settings(List.of("interp", "softmax"), List.of("loom-v1"), SMALL, 100, 100, 10);
        BenchReport approx = new BenchReport(soft, MACHINE, List.of(interp(), transformer("softmax", 9_000_000, false)));
        assertTrue(approx.allChecked());
        assertTrue(text(approx).contains("softmax (an approximation) differs"));
    }

    @Test void perStepUnits() {
        assertEquals("94.2 ns", BenchReport.perStep(94.2));
        assertEquals("12.50 us", BenchReport.perStep(12_500));
        assertEquals("2.61 ms", BenchReport.perStep(2_610_000));
        assertEquals("n/a", BenchReport.perStep(Double.NaN));
    }

    @Test void settingsRejectNonsenseWithOneLineReasons() {
        assertEquals("--steps must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> settings(List.of("interp"), List.of("exact"), SMALL, 0, 10, 1)).getMessage());
        assertEquals("--fast-steps must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> settings(List.of("interp"), List.of("exact"), SMALL, 5, 0, 1)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> settings(List.of("gpu"), List.of("exact"), SMALL, 5, 5, 5))
                .getMessage().startsWith("unknown engine 'gpu': choose from interp"));
        assertEquals("unknown profile 'fp16': choose from exact, loom-v1",
                assertThrows(IllegalArgumentException.class, () -> settings(List.of("fast"), List.of("fp16"), SMALL, 5, 5, 5)).getMessage());
        assertEquals("unknown configuration '100x100': choose from 146x512, 155x1024, 164x2048",
                assertThrows(IllegalArgumentException.class, () -> BenchSettings.configsNamed(List.of("146x512", "100x100"))).getMessage());
        assertEquals(BenchSettings.DEFAULT_CONFIGS, BenchSettings.configsNamed(List.of("146x512", "155x1024", "164x2048")));
        assertThrows(IllegalArgumentException.class, () -> settings(List.of("interp"), List.of("exact"), List.of(SMALL.get(0), SMALL.get(0)), 5, 5, 5));
        assertThrows(IllegalArgumentException.class, () -> settings(List.of("interp"), List.of("exact", "exact"), SMALL, 5, 5, 5));
        assertThrows(IllegalArgumentException.class, () -> settings(List.of("interp"), List.of(), SMALL, 5, 5, 5));
        assertThrows(IllegalArgumentException.class, () -> settings(List.of("interp"), List.of("exact"), List.of(), 5, 5, 5));
        assertThrows(IllegalArgumentException.class, () -> settings(List.of("interp", "interp"), List.of("exact"), SMALL, 5, 5, 5));
        assertThrows(IllegalArgumentException.class, () -> new BenchSettings(List.of("interp"), List.of("sort"), SMALL, List.of("exact"), 5, 5, 5, 0, 1));
        BenchSettings caps = settings(List.of("interp", "fast", "sparse", "dense", "softmax"), List.of("exact"), SMALL, 100, 3000, 10);
        assertEquals(10_000_000L, caps.capFor("interp"));
        assertEquals(3000, caps.capFor("fast"));
        assertEquals(100, caps.capFor("sparse"));
        assertEquals(100, caps.capFor("softmax"));
        assertEquals(10, caps.capFor("dense"));
        BenchSettings d = BenchSettings.defaults();
        assertEquals(List.of("interp", "fast", "sparse", "dense"), d.engines());
        assertEquals(List.of("exact", "loom-v1"), d.profiles());
        assertEquals(3, d.configs().size());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String text(BenchReport r) {
        StringWriter w = new StringWriter();
        r.printText(new PrintWriter(w));
        return w.toString();
    }
}
