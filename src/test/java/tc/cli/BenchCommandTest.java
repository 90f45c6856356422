package tc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code tc bench} with tiny settings: it finishes in seconds, reports every requested program and
 * engine, and its JSON carries the figures. The figures themselves are never asserted.
 */
class BenchCommandTest {
    private static final List<String> PROGRAMS = List.of("loop", "recursion", "sort");

    @Test void tableHasEveryProgramAndEngine() {
        Cli r = Cli.run("bench", "--steps", "5", "--repeat", "1", "--engines", "interp,sparse");
        assertEquals(0, r.exit(), r.err() + r.out());
        assertTrue(r.clean(), r.err());
        for (String p : PROGRAMS)
            for (String e : List.of("interp", "sparse")) {
                var row = Pattern.compile("(?m)^" + p + "\\s+" + e + "\\s+(\\d+)\\s");
                var m = row.matcher(r.out());
                assertTrue(m.find(), p + " on " + e + " missing:\n" + r.out());
                if (e.equals("sparse")) assertEquals("5", m.group(1), "the step cap: " + m.group());
            }
        assertTrue(r.out().contains("program    engine   steps    wall ms    1st step    per step"), r.out());
        assertTrue(r.out().contains("machine:  " + Runtime.getRuntime().availableProcessors() + " processors, Java "
                + System.getProperty("java.version")), r.out());
        assertTrue(r.out().contains("quoted, not measured here (REFERENCE.md §0.11"), r.out());
        assertTrue(r.out().contains("422 ms/step") && r.out().contains("1.8 ms/step"), r.out());
        assertTrue(r.out().contains("= interp after 5 steps"), "every transformer run is checked: " + r.out());
    }

    @Test void jsonHasTheFigures() throws Exception {
        Cli r = Cli.run("bench", "--json", "--steps", "4", "--repeat", "2", "--engines", "sparse,interp", "--programs", "sort,loop");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String f : List.of("date", "machine", "config", "settings", "results", "denseOverSparse", "quoted"))
            assertTrue(j.has(f), f);
        assertEquals(Runtime.getRuntime().availableProcessors(), j.get("machine").get("availableProcessors").asInt());
        assertEquals(System.getProperty("java.version"), j.get("machine").get("javaVersion").asText());
        assertEquals("155x1024", j.get("config").get("name").asText());
        assertEquals(4, j.get("settings").get("steps").asInt());
        assertEquals(422, j.get("quoted").get("referenceTorchMsPerStep").asDouble());
        JsonNode results = j.get("results");
        assertEquals(4, results.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode row : results) {
            seen.add(row.get("program").asText() + "/" + row.get("engine").asText());
            for (String f : List.of("profile", "steps", "halted", "wallNanos", "minWallNanos", "runNanos", "coldRunNanos",
                    "firstStepNanos", "steadySteps", "steadyNanos", "nanosPerStep", "stepsPerSecond", "timesInterp", "correct", "check"))
                assertTrue(row.has(f), f + " in " + row);
            assertEquals(2, row.get("runNanos").size());
            assertTrue(row.get("correct").asBoolean(), row.toString());
            assertTrue(row.get("nanosPerStep").isNumber() && row.get("timesInterp").isNumber(), row.toString());
            if (row.get("engine").asText().equals("sparse")) {
                assertEquals(4, row.get("steps").asInt());
                assertEquals("loom-v1", row.get("profile").asText());
            } else {
                assertTrue(row.get("halted").asBoolean());
                assertTrue(row.get("profile").isNull());
            }
        }
        assertEquals(Set.of("sort/sparse", "sort/interp", "loop/sparse", "loop/interp"), seen);
        assertEquals("sort", results.get(0).get("program").asText(), "programs in the order asked");
        assertEquals("sparse", results.get(0).get("engine").asText(), "engines in the order asked");
    }

    @Test void denseIsCappedAndComparedWithSparse() {
        Cli r = Cli.run("bench", "--engines", "sparse,dense", "--programs", "sort", "--steps", "3", "--dense-steps", "2",
                "--repeat", "1", "--warmup", "0");
        assertEquals(0, r.exit(), r.err());
        assertTrue(Pattern.compile("(?m)^sort\\s+dense\\s+2\\s").matcher(r.out()).find(), r.out());
        assertTrue(Pattern.compile("(?m)^sort\\s+sparse\\s+3\\s").matcher(r.out()).find(), r.out());
        assertTrue(r.out().contains("dense / sparse time per step: sort "), r.out());
        assertTrue(r.out().contains("= interp after 2 steps"), r.out());
    }

    @Test void badOptionsAreUsageErrors() {
        assertUsage(Cli.run("bench", "--engines", "interp,gpu"), "tc: error: unknown engine 'gpu': choose from interp");
        assertUsage(Cli.run("bench", "--steps", "0"), "tc: error: --steps must be at least 1, got 0");
        assertUsage(Cli.run("bench", "--repeat", "0"), "tc: error: --repeat must be at least 1, got 0");
        assertUsage(Cli.run("bench", "--programs", "quicksort"), "tc: error: unknown bench program 'quicksort'");
        assertUsage(Cli.run("bench", "--steps", "many"), "tc: error: Invalid value for option '--steps'");
    }

    @Test void listedInHelp() {
        Cli h = Cli.run("--help");
        assertTrue(h.out().contains("  bench "), h.out());
        Cli b = Cli.run("bench", "--help");
        assertEquals(0, b.exit());
        for (String opt : List.of("--engines", "--programs", "--steps", "--dense-steps", "--repeat", "--warmup", "--json"))
            assertTrue(b.out().contains(opt), opt);
    }

    private static void assertUsage(Cli r, String firstLineStart) {
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.clean(), r.err());
        String[] lines = r.err().split("\\R");
        assertTrue(lines[0].startsWith(firstLineStart), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("tc: error:")).count(), "one error line: " + r.err());
        assertEquals("", r.out());
    }

    @Test void tcTargetTimesTheSoftMachine() throws Exception {
        Cli r = Cli.run("bench", "--target", "tc", "--batch", "8", "--tc-steps", "4", "--repeat", "1", "--warmup", "0");
        assertEquals(0, r.exit(), r.err() + r.out());
        assertTrue(r.clean(), r.err());
        for (String row : List.of("forward (1 thread)", "forward + backward (1 thread)", "forward + backward (", "ratios:"))
            assertTrue(r.out().contains(row), row + " missing:\n" + r.out());
        assertTrue(r.out().contains("batch 8, 4 steps"), r.out());

        java.nio.file.Path saved = java.nio.file.Files.createTempFile("workload", ".json");
        Cli j = Cli.run("bench", "--target", "tc", "--batch", "4", "--tc-steps", "2", "--repeat", "2", "--warmup", "0", "--json",
                "--save-workload", saved.toString());
        assertEquals(0, j.exit(), j.err());
        JsonNode n = new ObjectMapper().readTree(j.out());
        for (String f : List.of("forwardMs", "forwardBackwardSerialMs", "forwardBackwardParallelMs", "threads", "backwardOverForward", "loss"))
            assertTrue(n.has(f), f + " in " + n);
        assertEquals(4, n.get("batch").asInt());
        JsonNode w = new ObjectMapper().readTree(saved.toFile());
        assertEquals(16 * 112, w.get("params").size());
        assertEquals(4, w.get("registers").size());
        assertEquals(n.get("loss").asDouble(), w.get("javaLoss").asDouble(), 0.0, "the workload file is the benchmarked computation");
        java.nio.file.Files.deleteIfExists(saved);

        for (String[] args : new String[][] {
                {"bench", "--target", "tc", "--batch", "0"},
                {"bench", "--target", "tc", "--engines", "sparse"},
                {"bench", "--batch", "8"}}) {
            Cli bad = Cli.run(args);
            assertEquals(2, bad.exit(), String.join(" ", args) + "\n" + bad.err());
            assertTrue(bad.clean(), bad.err());
        }
    }
}
