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
 * {@code tc bench} with tiny settings: it finishes in seconds, reports every requested program,
 * engine, configuration and profile, each checked against the interpreter, and its JSON carries
 * the figures. The figures themselves are never asserted.
 */
class BenchCommandTest {
    private static final List<String> PROGRAMS = List.of("loop", "recursion", "sort");

    /** Every program x engine x profile row at the small configuration, each checked against the interpreter. */
    @Test void tableHasEveryProgramEngineAndProfile() {
        Cli r = Cli.run("bench", "--configs", "146x512", "--steps", "5", "--fast-steps", "7", "--repeat", "1", "--warmup", "0",
                "--engines", "interp,fast,sparse");
        assertEquals(0, r.exit(), r.err() + r.out());
        assertTrue(r.clean(), r.err());
        for (String p : PROGRAMS) {
            var interp = Pattern.compile("(?m)^146x512\\s+" + p + "\\s+interp\\s+-\\s+(\\d+)\\s.*retval -?\\d+ as stated$").matcher(r.out());
            assertTrue(interp.find(), p + " on interp missing:\n" + r.out());
            assertTrue(Integer.parseInt(interp.group(1)) > 400, "the interpreter runs to HALT: " + interp.group());
            for (String profile : List.of("exact", "loom-v1"))
                for (String e : List.of("fast", "sparse")) {
                    String cap = e.equals("fast") ? "7" : "5";
                    var row = Pattern.compile("(?m)^146x512\\s+" + p + "\\s+" + e + "\\s+" + profile + "\\s+" + cap + "\\s.*= interp after " + cap + " steps$");
                    assertTrue(row.matcher(r.out()).find(), p + " on " + e + " " + profile + " missing or unchecked:\n" + r.out());
                }
        }
        List<String> rows = r.out().lines().filter(l -> l.matches("^146x512\\s+(loop|recursion|sort)\\s.*")).toList();
        assertEquals(3 * 5, rows.size(), "one row each, no more:\n" + r.out());
        assertTrue(rows.get(0).matches("^146x512\\s+loop\\s+interp\\s.*") && rows.get(5).matches("^146x512\\s+recursion\\s+interp\\s.*")
                && rows.get(14).matches("^146x512\\s+sort\\s+sparse\\s+loom-v1\\s.*"), "programs, profiles and engines in order:\n" + r.out());
        assertTrue(r.out().contains("config    program    engine  profile   steps    wall ms    1st step    per step"), r.out());
        assertTrue(r.out().contains("on 146x512 (8-bit words), profiles exact, loom-v1"), r.out());
        assertTrue(r.out().contains("at most 5 steps (fast 7, dense "), r.out());
        assertTrue(r.out().contains("machine:  " + Runtime.getRuntime().availableProcessors() + " processors, Java "
                + System.getProperty("java.version")), r.out());
        assertTrue(r.out().contains("quoted, not measured here (REFERENCE.md §0.11"), r.out());
        assertTrue(r.out().contains("422 ms/step") && r.out().contains("1.8 ms/step"), r.out());
        for (String profile : List.of("exact", "loom-v1"))
            assertTrue(Pattern.compile("(?m)^146x512\\s+" + profile + "\\s+sparse / fast(\\s+\\d[\\d.,]*x){3}$").matcher(r.out()).find(), r.out());
    }

    @Test void jsonHasTheFigures() throws Exception {
        Cli r = Cli.run("bench", "--json", "--steps", "4", "--fast-steps", "6", "--repeat", "2", "--warmup", "0",
                "--engines", "sparse,interp,fast", "--programs", "sort", "--configs", "146x512,155x1024", "--profiles", "loom-v1,exact");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String f : List.of("date", "machine", "config", "settings", "results", "denseOverSparse", "quoted", "configs", "primary", "ratios", "weightNanos"))
            assertTrue(j.has(f), f);
        assertEquals(Runtime.getRuntime().availableProcessors(), j.get("machine").get("availableProcessors").asInt());
        assertEquals(System.getProperty("java.version"), j.get("machine").get("javaVersion").asText());
        assertEquals("155x1024", j.get("config").get("name").asText(), "the configuration tc bench measured before it had several");
        assertEquals("loom-v1", j.get("primary").get("profile").asText());
        assertEquals(List.of("146x512", "155x1024"), List.of(j.get("configs").get(0).get("name").asText(), j.get("configs").get(1).get("name").asText()));
        assertEquals(4, j.get("settings").get("steps").asInt());
        assertEquals(6, j.get("settings").get("fastSteps").asInt());
        assertEquals("[\"loom-v1\",\"exact\"]", j.get("settings").get("profiles").toString());
        assertEquals(422, j.get("quoted").get("referenceTorchMsPerStep").asDouble());
        JsonNode results = j.get("results");
        // per config: one interpreter row and 2 profiles x 2 transformer engines
        assertEquals(2 * 5, results.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode row : results) {
            String engine = row.get("engine").asText();
            seen.add(row.get("config").asText() + "/" + row.get("program").asText() + "/" + engine + "/" + row.get("profile").asText());
            for (String f : List.of("config", "profile", "steps", "halted", "wallNanos", "minWallNanos", "runNanos", "coldRunNanos",
                    "firstStepNanos", "steadySteps", "steadyNanos", "nanosPerStep", "stepsPerSecond", "timesInterp", "correct", "check"))
                assertTrue(row.has(f), f + " in " + row);
            assertEquals(2, row.get("runNanos").size());
            assertTrue(row.get("correct").asBoolean(), row.toString());
            assertTrue(row.get("nanosPerStep").isNumber() && row.get("timesInterp").isNumber(), row.toString());
            if (engine.equals("interp")) {
                assertTrue(row.get("halted").asBoolean());
                assertTrue(row.get("profile").isNull());
            } else {
                assertEquals(engine.equals("fast") ? 6 : 4, row.get("steps").asInt(), row.toString());
                assertTrue(row.get("check").asText().startsWith("= interp after"), row.toString());
            }
        }
        Set<String> expected = new HashSet<>();
        for (String c : List.of("146x512", "155x1024"))
            for (String p : List.of("sort")) {
                expected.add(c + "/" + p + "/interp/null");
                for (String profile : List.of("exact", "loom-v1"))
                    for (String e : List.of("sparse", "fast")) expected.add(c + "/" + p + "/" + e + "/" + profile);
            }
        assertEquals(expected, seen);
        assertEquals("146x512", results.get(0).get("config").asText(), "configurations in the order asked");
        assertEquals("interp", results.get(0).get("engine").asText(), "the interpreter first: it has no profile");
        assertEquals("sparse", results.get(1).get("engine").asText(), "then the transformer engines in the order asked");
        assertEquals("loom-v1", results.get(1).get("profile").asText(), "profiles in the order asked");
        assertEquals("155x1024", results.get(5).get("config").asText());
        assertEquals(4, j.get("ratios").size());
        assertTrue(j.get("ratios").get("155x1024/exact/sort").get("sparseOverFast").isNumber(), j.get("ratios").toString());
        assertTrue(j.get("ratios").get("155x1024/exact/sort").get("denseOverSparse").isNull(), "dense was not measured");
        assertTrue(j.get("denseOverSparse").get("sort").isNull(), "dense was not measured");
        assertEquals(4, j.get("weightNanos").size(), "built once per config and profile");
    }

    @Test void denseIsCappedAndComparedWithSparseAndFast() {
        Cli r = Cli.run("bench", "--engines", "fast,sparse,dense", "--programs", "sort", "--configs", "146x512", "--profiles", "exact",
                "--steps", "3", "--dense-steps", "2", "--fast-steps", "4", "--repeat", "1", "--warmup", "0");
        assertEquals(0, r.exit(), r.err());
        assertTrue(Pattern.compile("(?m)^146x512\\s+sort\\s+dense\\s+exact\\s+2\\s.*= interp after 2 steps$").matcher(r.out()).find(), r.out());
        assertTrue(Pattern.compile("(?m)^146x512\\s+sort\\s+sparse\\s+exact\\s+3\\s").matcher(r.out()).find(), r.out());
        assertTrue(Pattern.compile("(?m)^146x512\\s+sort\\s+fast\\s+exact\\s+4\\s").matcher(r.out()).find(), r.out());
        for (String ratio : List.of("dense / sparse", "dense / fast", "sparse / fast"))
            assertTrue(Pattern.compile("(?m)^146x512\\s+exact\\s+" + ratio + "\\s+\\d[\\d.,]*x$").matcher(r.out()).find(), ratio + ":\n" + r.out());
        assertTrue(r.out().contains("x interp"), r.out());
    }

    @Test void badOptionsAreUsageErrors() {
        assertUsage(Cli.run("bench", "--engines", "interp,gpu"), "tc: error: unknown engine 'gpu': choose from interp");
        assertUsage(Cli.run("bench", "--steps", "0"), "tc: error: --steps must be at least 1, got 0");
        assertUsage(Cli.run("bench", "--fast-steps", "0"), "tc: error: --fast-steps must be at least 1, got 0");
        assertUsage(Cli.run("bench", "--repeat", "0"), "tc: error: --repeat must be at least 1, got 0");
        assertUsage(Cli.run("bench", "--programs", "quicksort"), "tc: error: unknown bench program 'quicksort'");
        assertUsage(Cli.run("bench", "--steps", "many"), "tc: error: Invalid value for option '--steps'");
        assertUsage(Cli.run("bench", "--configs", "146x512,999x1"),
                "tc: error: unknown configuration '999x1': choose from 146x512, 155x1024, 164x2048");
        assertUsage(Cli.run("bench", "--configs", "32,64,1024,8"), "tc: error: unknown configuration '32'");
        assertUsage(Cli.run("bench", "--profiles", "exact,fp16"), "tc: error: unknown profile 'fp16': choose from exact, loom-v1");
        assertUsage(Cli.run("bench", "--profiles", "exact,exact"), "tc: error: a profile is listed twice");
    }

    @Test void listedInHelp() {
        Cli h = Cli.run("--help");
        assertTrue(h.out().contains("  bench "), h.out());
        Cli b = Cli.run("bench", "--help");
        assertEquals(0, b.exit());
        for (String opt : List.of("--engines", "--programs", "--configs", "--profiles", "--steps", "--fast-steps", "--dense-steps",
                "--repeat", "--warmup", "--json"))
            assertTrue(b.out().contains(opt), opt);
        assertTrue(b.out().contains("The defaults"), "the help says how long the defaults take: " + b.out());
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
                {"bench", "--target", "tc", "--configs", "146x512"},
                {"bench", "--target", "tc", "--fast-steps", "5"},
                {"bench", "--batch", "8"}}) {
            Cli bad = Cli.run(args);
            assertEquals(2, bad.exit(), String.join(" ", args) + "\n" + bad.err());
            assertTrue(bad.clean(), bad.err());
        }
    }
}
