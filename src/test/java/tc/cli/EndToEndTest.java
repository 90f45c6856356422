package tc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tc.source.SourceFile;

/** The commands over the whole pipeline: compile, run, convert and run back. */
class EndToEndTest {
    @TempDir Path tmp;

    private static final SourceFile TINY = new SourceFile("tiny.c", "int main() { return 3; }\n");

    @Test void demoIsCorrect() {
        Cli r = Cli.run("demo");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("retval = 42"), r.out());
        assertTrue(r.out().contains("outputs = 120, 13, 21, 10, 29, -25, 85, 9"), r.out());
        assertTrue(r.out().contains("engine:  fast - exact weights"), r.out());
        assertTrue(r.out().contains("the transformer's run equals the interpreter's: halted after"), r.out());
        assertTrue(r.out().endsWith("result: correct" + System.lineSeparator()), r.out());
    }

    @Test void demoOnOneEngine() {
        Cli r = Cli.run("demo", "--engine", "interp");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(!r.out().contains("fast"), r.out());
        assertTrue(r.out().endsWith("result: correct" + System.lineSeparator()), r.out());
    }

    @Test void runCSourceAsJson() throws Exception {
        Path c = Files.writeString(tmp.resolve("g.c"), "int g[3];\nint main() {\n  int x = 4;\n  g[1] = x * 3;\n  output(g[1] - 2);\n  return x + g[1];\n}\n");
        Cli r = Cli.run("run", c.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        var j = new ObjectMapper().readTree(r.out());
        assertEquals(16, j.get("retval").asInt());
        assertEquals("[10]", j.get("outputs").toString());
        assertEquals("[0,12,0]", j.get("variables").get("g").toString());
        assertEquals(4, j.get("variables").get("x").asInt());
    }

    @Test void compileErrorIsADiagnostic() throws Exception {
        Path c = Files.writeString(tmp.resolve("bad.c"), "int main() {\n  return y;\n}\n");
        Cli r = Cli.run("compile", c.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith(c + ":2:"), r.err());
        assertTrue(r.clean(), r.err());
    }

    @Test void compileSummaryAndAsmOutput() throws Exception {
        Path c = Files.writeString(tmp.resolve("t.c"), TINY.text());
        Path out = tmp.resolve("t.s");
        Cli r = Cli.run("compile", c.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().matches("compiled \\S+t\\.c for 146x512: \\d+ instructions, \\d+ memory cells -> \\S+t\\.s\\R"), r.err());
        assertTrue(Files.readString(out).length() > 0);
        Cli run = Cli.run("run", out.toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        assertEquals(3, new ObjectMapper().readTree(run.out()).get("retval").asInt());
    }

    @Test void jsonRoundTripThroughDisasm() throws Exception {
        Path c = Files.writeString(tmp.resolve("t.c"), TINY.text());
        Path json = tmp.resolve("t.json");
        assertEquals(0, Cli.run("compile", c.toString(), "--format", "json", "-o", json.toString()).exit());
        Cli run = Cli.run("run", json.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("retval = 3"), run.out());
        Cli dis = Cli.run("disasm", json.toString());
        assertEquals(0, dis.exit(), dis.err());
        assertTrue(dis.out().contains("HALT"), dis.out());
    }

    @Test void loomStateIntoADirectoryRunsBack() throws Exception {
        Path c = Files.writeString(tmp.resolve("t.c"), TINY.text());
        Path dir = Files.createDirectory(tmp.resolve("out"));
        Cli r = Cli.run("compile", c.toString(), "--format", "loom-state", "-o", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isRegularFile(dir.resolve("t_state.json")) && Files.isRegularFile(dir.resolve("t_info.json")));
        Cli run = Cli.run("run", dir.resolve("t_state.json").toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        assertEquals(3, new ObjectMapper().readTree(run.out()).get("retval").asInt());
    }

    /** Loom's published gcd gives the result REFERENCE.md documents, on the interpreter and on loom-v1's sparse transformer. */
    @Test void referenceStateFileRuns() throws Exception {
        for (String[] extra : new String[][] {{}, {"--profile", "loom-v1", "--engine", "sparse"}}) {
            String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("run", "../shared/loom-ref/programs/gcd_state.json", "--json"),
                    java.util.Arrays.stream(extra)).toArray(String[]::new);
            Cli r = Cli.run(args);
            assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.err());
            var j = new ObjectMapper().readTree(r.out());
            assertEquals(6, j.get("retval").asInt(), r.out());
            assertEquals(72, j.get("steps").asLong(), r.out());
            assertEquals("halted", j.get("status").asText(), r.out());
            assertEquals(extra.length == 0 ? "interp" : "sparse", j.get("engine").asText(), r.out());
        }
    }
}
