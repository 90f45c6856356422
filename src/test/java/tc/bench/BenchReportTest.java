package tc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's arithmetic and rendering, on hand-made measurements (no timing involved). */
class BenchReportTest {
    private static final MachineInfo MACHINE = new MachineInfo(2, "25", "VM", "Linux 6", "amd64", 1L << 30, "2026-01-01T00:00:00Z");
    private static final BenchSettings SETTINGS = new BenchSettings(List.of("interp", "sparse", "dense"), List.of("sort"), 100, 10, 3, 1);

    private static Measurement interp() {
        return new Measurement("sort", "interp", null, 500, true, 9_000, List.of(10_000L, 12_000L, 11_000L), List.of(), 500,
                List.of(10_000L, 12_000L, 11_000L), true, "retval 81 as stated");
    }

    private static Measurement transformer(String engine, long steadyNanosPerStep, boolean ok) {
        long steady = 99 * steadyNanosPerStep;
        return new Measurement("sort", engine, "loom-v1", 100, false, 1, List.of(steady + 7, steady + 9, steady + 8),
                List.of(5L, 7L, 6L), 99, List.of(steady, steady + 2, steady + 1), ok, ok ? "= interp after 100 steps" : "DIFFERS");
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
        Measurement sparse = r.find("sort", "sparse").orElseThrow();
        assertEquals(sparse.nanosPerStep() / 22.0, r.timesInterp(sparse), 1e-6);
        assertEquals(1.0, r.timesInterp(r.find("sort", "interp").orElseThrow()), 1e-12);
        assertEquals(r.find("sort", "dense").orElseThrow().nanosPerStep() / sparse.nanosPerStep(), r.denseOverSparse("sort"), 1e-9);
        assertTrue(r.allChecked());
    }

    @Test void missingBaselinesGiveNullInJsonAndDashInText() {
        var settings = new BenchSettings(List.of("sparse"), List.of("sort"), 100, 10, 3, 1);
        BenchReport r = new BenchReport(settings, MACHINE, List.of(transformer("sparse", 2_000_000, true)));
        assertTrue(Double.isNaN(r.timesInterp(r.rows().get(0))));
        var json = r.toJson();
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
        var soft = new BenchSettings(List.of("interp", "softmax"), List.of("sort"), 100, 10, 3, 1);
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
                assertThrows(IllegalArgumentException.class, () -> new BenchSettings(List.of("interp"), List.of("sort"), 0, 10, 1, 1)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new BenchSettings(List.of("gpu"), List.of("sort"), 5, 5, 1, 1))
                .getMessage().startsWith("unknown engine 'gpu': choose from interp"));
        assertThrows(IllegalArgumentException.class, () -> new BenchSettings(List.of("interp", "interp"), List.of("sort"), 5, 5, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new BenchSettings(List.of("interp"), List.of("sort"), 5, 5, 0, 1));
        assertEquals(10_000_000L, SETTINGS.capFor("interp"));
        assertEquals(100, SETTINGS.capFor("sparse"));
        assertEquals(10, SETTINGS.capFor("dense"));
    }

    private static String text(BenchReport r) {
        StringWriter w = new StringWriter();
        r.printText(new PrintWriter(w));
        return w.toString();
    }
}
