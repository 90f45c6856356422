package tc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Argument parsing, help, and the error paths: one readable line and the right exit code. */
class MainTest {
    @TempDir Path tmp;

    @Test void versionAndHelpSucceed() {
        Cli v = Cli.run("--version");
        assertEquals(0, v.exit());
        assertTrue(v.out().matches("tc \\S+ \\(Tensor Computer, Java \\d+\\)\\R"), v.out());
        Cli h = Cli.run("--help");
        assertEquals(0, h.exit());
        for (String cmd : new String[] {"compile", "run", "run-state", "verify", "asm", "disasm", "demo", "bench"}) assertTrue(h.out().contains("  " + cmd + " "), cmd);
    }

    @Test void subcommandHelpDescribesOptions() {
        Cli h = Cli.run("run", "--help");
        assertEquals(0, h.exit());
        for (String opt : new String[] {"--engine", "--config", "--word-bits", "--max-steps", "--trace", "--json"})
            assertTrue(h.out().contains(opt), opt);
        assertTrue(h.out().contains("Engine to run on: interp"), "engine names are listed: " + h.out());
        Cli c = Cli.run("help", "compile");
        assertEquals(0, c.exit());
        assertTrue(c.out().contains("asm (default), json, loom-state or ir"));
    }

    @Test void completionScriptOffersEngineNamesAndFormats() {
        Cli r = Cli.run("generate-completion");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("interp"), "engine names from Engines.names()");
        assertTrue(r.out().contains("loom-state"), "format names");
    }

    @Test void noCommandIsAUsageError() {
        Cli r = Cli.run();
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("tc: error: missing command"), r.err());
        assertTrue(r.err().contains("try 'tc --help'"));
    }

    @Test void unknownCommandAndOptionAreUsageErrors() {
        Cli a = Cli.run("frobnicate");
        assertEquals(2, a.exit());
        assertTrue(a.err().startsWith("tc: error: "), a.err());
        Cli b = Cli.run("run", "x.c", "--no-such-option");
        assertEquals(2, b.exit());
        assertTrue(b.err().startsWith("tc: error: Unknown option: '--no-such-option'"), b.err());
        assertTrue(b.err().contains("try 'tc run --help'"), b.err());
    }

    @Test void badOptionValuesAreUsageErrors() {
        assertUsage(Cli.run("compile", "x.c", "--word-bits", "12"), "word bits must be 8 or 16, got '12'");
        assertUsage(Cli.run("compile", "x.c", "--config", "1,2"), "unknown configuration '1,2'");
        assertUsage(Cli.run("compile", "x.c", "--config", "32,300,512,8"), "too large for 8-bit pointers: at most 255 cells");
        assertUsage(Cli.run("compile", "x.c", "--format", "elf"), "unknown format 'elf': choose one of asm, json, loom-state, ir");
        assertUsage(Cli.run("run", "x.c", "--engine", "gpu9000"), "unknown engine 'gpu9000': choose one of interp");
        assertUsage(Cli.run("run", "x.c", "--max-steps", "0"), "--max-steps must be at least 1");
        assertUsage(Cli.run("run", "x.c", "--engine", "sparse", "--profile", "v0"), "unknown profile 'v0'");
        assertUsage(Cli.run("run", "x.c", "--max-steps", "many"), "'many'");
        assertUsage(Cli.run("run", "x.c", "--trace", "--json"), "--trace and --json cannot be combined");
        assertUsage(Cli.run("asm", "x.s", "--format", "ir"), "--format ir needs a C source");
        assertUsage(Cli.run("demo", "--engine", "nope"), "unknown engine 'nope'");
    }

    /** Every check of an option's value or combination in tc.cli, one per option: exit 2 with the help pointer. */
    @Test void everyOptionCheckIsAUsageError() throws Exception {
        Path c = Files.writeString(tmp.resolve("t.c"), "int main() { return 3; }\n");
        for (String words : new String[] {"3", "0", "-8", "1048577", "4194304", "lots"}) {
            assertUsage(Cli.run("run", c.toString(), "--target", "tc", "--memory-words", words), "'--memory-words': must be a power of two in 2..2^20");
            assertUsage(Cli.run("compile", c.toString(), "--target", "tc", "--memory-words", words), "'--memory-words': must be a power of two in 2..2^20");
        }
        assertUsage(Cli.run("learn", "--task", "add", "--budget", "0"), "--budget must be at least 1, got 0");
        assertUsage(Cli.run("learn", "--table", "--seeds", "0"), "--seeds must be at least 1, got 0");
        assertUsage(Cli.run("learn", "--task", "add", "--seeds", "-1"), "--seeds must be at least 1, got -1");
        assertUsage(Cli.run("learn", "--task", "add", "--population", "0"), "--population must be at least 1, got 0");
        assertUsage(Cli.run("learn", "--task", "add", "--variant", "magic"), "unknown --variant 'magic'");
        assertUsage(Cli.run("learn", "--task", "sort"), "unknown task 'sort'");
        assertUsage(Cli.run("learn", "--task", "add", "--out", tmp.toString()), "--out goes with --table");
        assertUsage(Cli.run("run", "prog.json", "--word-bits", "16"), "--config and --word-bits apply only to C sources");
        assertUsage(Cli.run("verify", "prog.s", "--config", "155x1024"), "--config and --word-bits apply only to C sources");
        assertUsage(Cli.run("compile", c.toString(), "--config", "32,224,2048,8", "--word-bits", "16"), "--config 32,224,2048,8 has N = 8");
    }

    /** A custom s,m,n,N list that equals a named shape is named as typed, not by that shape's name. */
    @Test void aConfigWordBitsClashNamesTheConfigurationGiven() throws Exception {
        Path c = Files.writeString(tmp.resolve("t.c"), "int main() { return 3; }\n");
        for (String cmd : new String[] {"compile", "run", "verify"}) {
            Cli r = Cli.run(cmd, c.toString(), "--config", "32,224,2048,8", "--word-bits", "16");
            assertUsage(r, "--config 32,224,2048,8 has N = 8 (8-bit words) but --word-bits is 16");
            assertTrue(!r.err().contains("164x2048"), r.err());
        }
        Cli ok = Cli.run("compile", c.toString(), "--config", "32,224,2048,16", "--word-bits", "16");
        assertEquals(0, ok.exit(), ok.err());
        Cli named = Cli.run("compile", c.toString(), "--config", "164x2048", "--word-bits", "16");
        assertEquals(0, named.exit(), named.err());
        assertTrue(named.err().contains("for 32,224,2048,16:"), named.err());
    }

    private static void assertUsage(Cli r, String fragment) {
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("tc: error: "), r.err());
        assertTrue(r.err().contains(fragment), r.err());
        assertTrue(r.clean(), r.err());
        assertEquals("", r.out());
    }

    @Test void missingInputFileIsOneLine() {
        for (String cmd : new String[] {"compile", "run", "asm", "disasm"}) {
            String file = cmd.equals("asm") ? "nope.s" : cmd.equals("disasm") ? "nope.json" : "nope.c";
            Cli r = Cli.run(cmd, file);
            assertEquals(1, r.exit(), cmd);
            assertEquals("tc: error: cannot read " + file + ": no such file" + System.lineSeparator(), r.err(), cmd);
        }
    }

    @Test void directoryAsInputIsOneLine() {
        Path dir = tmp.resolve("prog.c");
        assertTrue(dir.toFile().mkdir());
        Cli r = Cli.run("compile", dir.toString());
        assertEquals(1, r.exit());
        assertEquals("tc: error: cannot read " + dir + ": it is a directory" + System.lineSeparator(), r.err());
    }

    @Test void unknownInputKindIsOneLine() throws Exception {
        Path f = Files.writeString(tmp.resolve("notes.txt"), "hello");
        Cli r = Cli.run("run", f.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("tc: error: cannot tell what " + f + " is: expected a .c, .json or .s file"), r.err());
    }

    @Test void machineFlagsOnlyApplyToCSources() {
        Cli r = Cli.run("run", "prog.json", "--config", "155x1024");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--config and --word-bits apply only to C sources"), r.err());
    }

    @Test void malformedJsonIsAPositionedDiagnostic() throws Exception {
        Path f = Files.writeString(tmp.resolve("broken.json"), "{\n  \"memory\": [1, 2,, 3]\n}\n");
        Cli r = Cli.run("run", f.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith(f + ":2:"), r.err());
        assertTrue(r.err().contains("error: malformed JSON"), r.err());
        // in our words: not the JSON library's ("Unexpected character (',' (code 44))")
        assertFalse(r.err().contains("Unexpected character") || r.err().contains("code 44"), r.err());
        assertTrue(r.clean());
    }

    @Test void disasmWantsJson() throws Exception {
        Path f = Files.writeString(tmp.resolve("prog.s"), "HALT\n");
        Cli r = Cli.run("disasm", f.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("tc disasm reads program JSON files"), r.err());
    }
}
