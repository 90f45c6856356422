package tc.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tc learn --from FILE.c}: the options, the JSON, --out, --library and the one-line refusals. */
class LearnFromCommandTest {
    @TempDir Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test void jsonHasAccuracyEpisodesSolvedProgramAndProvenance() throws Exception {
        Path f = write("clamp.c", "int clamp(int x, int lo) {\n    if (x < lo) return lo;\n    return x;\n}\n");
        Path s = dir.resolve("clamp.s");
        Cli r = Cli.run("learn", "--from", f.toString(), "--seed", "2", "--budget", "2000", "--json", "--variant", "search-only", "--out", s.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err(), "no progress bar under --json");
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertTrue(o.get("solved").asBoolean());
        assertEquals(1.0, o.get("accuracy").asDouble());
        assertTrue(o.get("episodes").asLong() > 0 && o.get("episodes").asLong() <= 2000);
        assertTrue(o.get("program").asText().contains("cmp r0, r1"), o.get("program").asText());
        assertEquals("clamp", o.get("function").asText());
        JsonNode p = o.get("instructions");
        assertEquals(3, p.get("template").asInt() + p.get("search").asInt(), o.toString());
        // --out: assembly the assembler reads back, and that tc run executes
        String asm = Files.readString(s);
        assertTrue(asm.contains(".memory") && asm.contains("cmp r0, r1"), asm);
        assertNotNull(tc.computer.asm.TcAsmReader.read(new tc.source.SourceFile("clamp.s", asm)));
    }

    @Test void optionsShapeTheCases() throws Exception {
        Path f = write("half.c", "int half(int x) { return x / 2; }\n");
        Cli r = Cli.run("learn", "--from", f.toString(), "--values", "-9..9", "--cases", "5", "--max-length", "3", "--budget", "60", "--json");
        assertTrue(r.exit() == 0 || r.exit() == 1, r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertTrue(o.get("episodes_total").asLong() <= 60);
    }

    @Test void theLibraryStoresSolvedProgramsAndLaterTasksCallThem() throws Exception {
        Path lib = dir.resolve("lib");
        Path max = write("max.c", "int max(int a, int b) { if (a > b) return a; return b; }\n");
        Cli first = Cli.run("learn", "--from", max.toString(), "--library", lib.toString(), "--budget", "3000");
        assertEquals(0, first.exit(), first.err());
        assertTrue(Files.exists(lib.resolve("max.s")) && Files.exists(lib.resolve("max.json")));
        Path max3 = write("max3.c", "int max3(int a, int b, int c) { int m = a; if (b > m) m = b; if (c > m) m = c; return m; }\n");
        Cli r = Cli.run("learn", "--from", max3.toString(), "--library", lib.toString(), "--budget", "3000", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertTrue(o.get("program").asText().contains("call "), o.get("program").asText());
        assertTrue(o.get("instructions").get("library").asInt() > 0);
        assertTrue(Files.exists(lib.resolve("max3.json")));
    }

    @Test void refusalsAreOneClearLine() throws Exception {
        Cli bad = Cli.run("learn", "--from", write("bad.c", "int f(int x) { return x +; }\n").toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("does not compile") && bad.err().contains("bad.c:1:"), bad.err());
        assertTrue(bad.clean(), bad.err());
        Cli loops = Cli.run("learn", "--from", write("loop.c", "int f(int x) { while (x != 7) x = x + 2; return x; }\n").toString());
        assertEquals(1, loops.exit());
        assertTrue(loops.err().contains("does not return within"), loops.err());
        Cli shape = Cli.run("learn", "--from", write("five.c", "int f(int a, int b, int c, int d, int e) { return a; }\n").toString());
        assertEquals(1, shape.exit());
        assertTrue(shape.err().contains("takes 5 ints"), shape.err());
        Cli range = Cli.run("learn", "--from", write("id.c", "int f(int x) { return x; }\n").toString(), "--values", "9..1");
        assertEquals(2, range.exit());
        assertTrue(range.err().contains("--values 9..1 is empty"), range.err());
        Cli missing = Cli.run("learn", "--from", dir.resolve("none.c").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("cannot read"), missing.err());
        Cli both = Cli.run("learn", "--from", dir.resolve("none.c").toString(), "--task", "add");
        assertEquals(2, both.exit());
    }
}
