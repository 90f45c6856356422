package tc.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class LearnCommandTest {
    @Test void jsonIsOneObjectWithTheAgreedFields() throws Exception {
        Cli r = Cli.run("learn", "--task", "add", "--seed", "1", "--budget", "300", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err(), "no progress bar under --json");
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals("add", o.get("task").asText());
        assertEquals(1, o.get("seed").asLong());
        assertTrue(o.get("episodes").asLong() > 0 && o.get("episodes").asLong() <= 300);
        assertEquals(1.0, o.get("accuracy").asDouble());
        assertTrue(o.get("program").asText().matches("(?s)  0: add r0, (r0, r1|r1, r0)\n  1: halt\n"), o.get("program").asText());
    }

    @Test void aLibraryTaskLearnsTheTaskItCallsFirstAndSaysSo() throws Exception {
        Cli r = Cli.run("learn", "--task", "max3", "--seed", "1", "--budget", "3000", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals("max3", o.get("task").asText());
        assertEquals("max", o.get("library").get(0).get("task").asText());
        assertTrue(o.get("library").get(0).get("solved").asBoolean());
        assertTrue(o.get("program").asText().contains("call "), o.get("program").asText());
        Cli text = Cli.run("learn", "--task", "max3", "--seed", "1", "--budget", "3000");
        assertTrue(text.out().startsWith("library: max learned in "), text.out());
        Cli without = Cli.run("learn", "--task", "max3", "--seed", "1", "--budget", "300", "--no-library", "--json");
        JsonNode w = new ObjectMapper().readTree(without.out());
        assertNull(w.get("library"), "nothing learned first");
        assertFalse(w.get("program").asText().contains("call "), w.get("program").asText());
    }

    @Test void textOutputShowsTheProgramAccuracyAndEpisodes() {
        Cli r = Cli.run("learn", "--task", "add", "--seed", "1", "--budget", "300");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("  0: add r0, r"), r.out());
        assertTrue(r.out().contains("held-out accuracy: 100.0%"), r.out());
        assertTrue(r.out().contains("episodes to 100% held-out: "), r.out());
        assertTrue(r.err().contains("episodes"), "progress bar on stderr");
    }

    @Test void anUnsolvedRunExitsOneAndSaysSo() {
        Cli r = Cli.run("learn", "--task", "gcd", "--budget", "50");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("not solved: 50 episodes spent"), r.out());
    }

    @Test void badArgumentsGiveOneLineErrors() {
        Cli unknown = Cli.run("learn", "--task", "sort");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown task 'sort'"), unknown.err());
        assertTrue(unknown.clean());
        Cli none = Cli.run("learn");
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("--task NAME or --table"), none.err());
        Cli budget = Cli.run("learn", "--task", "add", "--budget", "0");
        assertEquals(2, budget.exit());
        assertTrue(budget.clean());
    }

    @Test void tableWritesTheMarkdownAndThreePngPlots(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path out = dir.resolve("plots");
        Cli r = Cli.run("learn", "--table", "--seeds", "1", "--budget", "20", "--json", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("| search only |") && r.out().contains("| no curriculum |"), "ablation rows: " + r.out());
        String md = java.nio.file.Files.readString(out.resolve("learning-table.md"));
        assertTrue(md.contains("| add | 1/1 |"), md);
        assertTrue(md.contains("Library tasks") && md.contains("| max3 | max |"), md);
        for (String png : new String[]{"learning-loss.png", "learning-accuracy.png", "learning-tau.png"}) {
            byte[] b = java.nio.file.Files.readAllBytes(out.resolve(png));
            assertTrue(b.length > 1000 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G', png);
        }
    }

    @Test void tableOutMustBeADirectoryAndVariantMustExist(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("f"), "x");
        Cli r = Cli.run("learn", "--table", "--seeds", "1", "--budget", "5", "--out", file.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("is a file, not a directory") && r.clean(), r.err());
        Cli v = Cli.run("learn", "--task", "add", "--variant", "magic");
        assertEquals(2, v.exit());
        assertTrue(v.err().contains("unknown --variant 'magic'") && v.clean(), v.err());
        Cli o = Cli.run("learn", "--task", "add", "--out", dir.toString());
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("--out goes with --table"), o.err());
    }

    @Test void everyVariantRunsFromTheCommandLine() {
        for (String v : new String[]{"search-only", "gradients-only", "fixed-high-tau", "no-curriculum", "no-sketch-search", "no-halting-loss"}) {
            Cli r = Cli.run("learn", "--task", "add", "--seed", "1", "--budget", "300", "--variant", v, "--json");
            assertEquals(0, r.exit(), v + ": " + r.out() + r.err());
        }
    }
}
