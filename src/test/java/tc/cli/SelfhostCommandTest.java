package tc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tc selfhost}: the stages and their report, --compile, and the usage errors. */
class SelfhostCommandTest {
    @TempDir Path dir;

    @Test void theStagesReportStepsTimeAndIdenticalImages() throws Exception {
        Cli r = Cli.run("selfhost", "--save", dir.toString());
        assertEquals(Main.OK, r.exit(), r.out() + r.err());
        assertTrue(r.out().matches("(?s)stage 1: tc compiled selfhost\\.c .*\nstage 2: stage 1 on the seed machine compiled selfhost\\.c: [\\d,]+ steps, .*"
                + "\nstage 3: image 2 on the seed machine compiled selfhost\\.c: [\\d,]+ steps, .*\nimage 2 and image 3 are identical \\([\\d,]+ bytes\\)\n"), r.out());
        // not a terminal here: one summary line per machine stage on stderr
        assertTrue(r.err().contains("stage 2: ") && r.err().contains("stage 3: "), r.err());
        assertEquals(Files.readString(dir.resolve("image2.s")), Files.readString(dir.resolve("image3.s")));
    }

    @Test void aStageCutByTheStepLimitFails() {
        Cli r = Cli.run("selfhost", "--max-steps", "1000");
        assertEquals(Main.FAILURE, r.exit());
        assertTrue(r.out().contains("stage 2: stage 1 on the seed machine compiled selfhost.c: 1,000 steps") && r.out().contains("stopped at the step limit"), r.out());
        assertTrue(r.clean());
    }

    @Test void compileRunsAProgramCompiledOnTheMachine() throws Exception {
        Path fact = dir.resolve("fact.c");
        Files.writeString(fact, "int fact(int n) { if (n <= 1) return 1; return n * fact(n - 1); }\nint main() { output(fact(5)); return fact(5); }\n");
        Cli interp = Cli.run("selfhost", "--compile", fact.toString(), "-o", dir.resolve("fact.s").toString());
        assertEquals(Main.OK, interp.exit(), interp.err());
        assertTrue(interp.out().contains("seed machine: halted after") && interp.out().contains("retval = 120, outputs = [120]"), interp.out());
        assertTrue(Files.readString(dir.resolve("fact.s")).startsWith(".memory "));
        Cli soft = Cli.run("selfhost", "--compile", fact.toString(), "--engine", "soft");
        assertEquals(Main.OK, soft.exit(), soft.err());
        assertTrue(soft.out().contains("soft seed machine (tau 0.001): halted after") && soft.out().contains("retval = 120"), soft.out());
    }

    @Test void aSyntaxErrorIsOneLineWithFileAndLine() throws Exception {
        Path bad = dir.resolve("bad.c");
        Files.writeString(bad, "int main() {\n  return 1 +;\n}\n");
        Cli r = Cli.run("selfhost", "--compile", bad.toString(), "-o", dir.resolve("bad.s").toString());
        assertEquals(Main.FAILURE, r.exit());
        assertEquals("tc: error: " + bad + ":2: expression expected\n", r.err());
        assertTrue(!Files.exists(dir.resolve("bad.s")));
    }

    @Test void usageErrors() {
        assertEquals(Main.USAGE, Cli.run("selfhost", "--engine", "soft").exit());
        assertEquals(Main.USAGE, Cli.run("selfhost", "--max-steps", "0").exit());
        assertEquals(Main.USAGE, Cli.run("selfhost", "--compile", "x.c", "--engine", "transformer").exit());
        Cli missing = Cli.run("selfhost", "--compile", dir.resolve("none.c").toString());
        assertEquals(Main.FAILURE, missing.exit());
        assertTrue(missing.clean());
    }
}
