package tc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -o}: never over an input file, and a clear word when the path runs through a regular file. */
class OutputPathTest {
    private static final String C = "int main() { return 3; }\n";
    private static final String ASM = ".config 146x512\nHALT\n";

    @TempDir Path tmp;

    private List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Exit 1, one line naming the output, and nothing written. */
    private static void refused(Cli r, String out) {
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().startsWith("tc: error: refusing to write " + out + ": "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.clean(), r.err());
    }

    @Test void compileRefusesToOverwriteItsSource() throws Exception {
        Path c = Files.writeString(tmp.resolve("x.c"), C);
        for (String format : new String[] {"asm", "json", "ir"}) {
            Cli r = Cli.run("compile", c.toString(), "--format", format, "-o", c.toString());
            refused(r, c.toString());
            assertTrue(r.err().contains("it is the input file"), r.err());
            assertEquals(C, Files.readString(c), format);
        }
        Cli tc = Cli.run("compile", c.toString(), "--target", "tc", "-o", c.toString());
        refused(tc, c.toString());
        assertEquals(C, Files.readString(c));
        assertEquals(List.of("x.c"), names(tmp));
    }

    @Test void anotherNameForTheSameFileIsRefusedToo() throws Exception {
        Path c = Files.writeString(tmp.resolve("x.c"), C);
        String dotted = tmp + "/./x.c";
        Cli r = Cli.run("compile", c.toString(), "-o", dotted);
        refused(r, dotted);
        assertTrue(r.err().contains("it is the same file as the input " + c), r.err());
        Path link = Files.createSymbolicLink(tmp.resolve("link.s"), c);
        refused(Cli.run("compile", c.toString(), "-o", link.toString()), link.toString());
        Path hard = Files.createLink(tmp.resolve("hard.s"), c);
        refused(Cli.run("compile", c.toString(), "-o", hard.toString()), hard.toString());
        assertEquals(C, Files.readString(c));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test void asmAndDisasmRefuseTheirInputs() throws Exception {
        Path s = Files.writeString(tmp.resolve("p.s"), ASM);
        for (String format : new String[] {"json", "asm"}) refused(Cli.run("asm", s.toString(), "--format", format, "-o", s.toString()), s.toString());
        assertEquals(ASM, Files.readString(s));
        Path json = tmp.resolve("p.json");
        assertEquals(0, Cli.run("asm", s.toString(), "-o", json.toString()).exit());
        String program = Files.readString(json);
        refused(Cli.run("disasm", json.toString(), "-o", json.toString()), json.toString());
        assertEquals(program, Files.readString(json));
    }

    @Test void disasmOfAStateFileRefusesItsInfoFileToo() throws Exception {
        Path programs = Path.of("../shared/loom-ref/programs");
        Path state = Files.copy(programs.resolve("gcd_state.json"), tmp.resolve("g_state.json"));
        Path info = Files.copy(programs.resolve("gcd_info.json"), tmp.resolve("g_info.json"));
        String before = Files.readString(info);
        refused(Cli.run("disasm", state.toString(), "-o", info.toString()), info.toString());
        assertEquals(before, Files.readString(info));
        refused(Cli.run("disasm", state.toString(), "-o", state.toString()), state.toString());
        assertEquals(List.of("g_info.json", "g_state.json"), names(tmp));
    }

    @Test void loomStateOutputsIntoADirectoryAreCheckedAgainstTheInput() throws Exception {
        Path s = Files.writeString(tmp.resolve("p.s"), ASM);
        Path dir = Files.createDirectory(tmp.resolve("out"));
        // the state file that -o out/ would write is the input, reached through a link
        Path link = Files.createSymbolicLink(dir.resolve("p_state.json"), s);
        Cli r = Cli.run("asm", s.toString(), "--format", "loom-state", "-o", dir.toString());
        refused(r, link.toString());
        assertEquals(ASM, Files.readString(s));
        assertEquals(List.of("p_state.json"), names(dir), "the info file is not written either");
        Path c = Files.writeString(tmp.resolve("q.c"), C);
        Files.createSymbolicLink(dir.resolve("q_info.json"), c);
        refused(Cli.run("compile", c.toString(), "--format", "loom-state", "-o", dir + "/"), dir.resolve("q_info.json").toString());
        assertEquals(C, Files.readString(c));
        assertEquals(List.of("p_state.json", "q_info.json"), names(dir));
    }

    @Test void aPathThroughARegularFileSaysThatFileIsNotADirectory() throws Exception {
        Path c = Files.writeString(tmp.resolve("file.c"), C);
        String under = c + "/sub";
        for (String[] args : new String[][] {
                {"compile", c.toString(), "-o", under},
                {"compile", c.toString(), "-o", c + "/deeper/sub.s"},
                {"compile", c.toString(), "--format", "loom-state", "-o", under},
                {"compile", c.toString(), "--format", "loom-state", "-o", under + "/"}}) {
            Cli r = Cli.run(args);
            assertEquals(1, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("tc: error: cannot write "), r.err());
            assertTrue(r.err().contains(": " + c + " is not a directory"), r.err());
            assertTrue(!r.err().contains("no such directory") && !r.err().contains("does not exist"), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
        assertEquals(C, Files.readString(c));
        Cli missing = Cli.run("compile", c.toString(), "-o", tmp.resolve("none/x.s").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("directory " + tmp.resolve("none") + " does not exist"), missing.err());
    }
}
