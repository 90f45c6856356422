package tc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tc verify}: loom-v1 on the fast engine (the default) against the interpreter, through the CLI. */
class VerifyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIB_STATE = "../shared/loom-ref/programs/fibonacci_state.json";
    private static final String GCD_C = "src/test/resources/corpus/loom-demos/gcd.c";

    @TempDir Path tmp;

    @Test void referenceStateIsVerified() {
        Cli r = Cli.run("verify", FIB_STATE, "--profile", "loom-v1");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("verified: 80 steps agree (fast engine, loom-v1 weights, 155x1024)" + System.lineSeparator(), r.out());
    }

    @Test void compiledProgramInsideTheBandIsVerifiedInTheInterpretersSteps() throws Exception {
        JsonNode run = JSON.readTree(Cli.run("run", GCD_C, "--config", "155x1024", "--json").out());
        Cli r = Cli.run("verify", GCD_C, "--config", "155x1024", "--profile", "loom-v1", "--json");
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode j = JSON.readTree(r.out());
        assertTrue(j.get("verified").asBoolean());
        assertEquals(run.get("steps").asLong(), j.get("steps").asLong());
        assertTrue(j.get("divergence").isNull());
    }

    @Test void storePastCell32DivergesWithStepCellAndRegion() throws Exception {
        // pad fills cells 9..38, so a[3] is cell 42 and its column s + 42 = 74; loom-v1 stores to 42 mod 32 = 10.
        Path c = Files.writeString(tmp.resolve("far.c"),
                "int pad[30];\nint a[8];\nint main() {\n  int i = 3;\n  a[i] = 7;\n  return a[3];\n}\n");
        Cli text = Cli.run("verify", c.toString(), "--config", "155x1024", "--profile", "loom-v1");
        assertEquals(1, text.exit(), text.err());
        assertTrue(text.out().startsWith("diverged at step 3 "), text.out());
        assertTrue(text.out().contains("instruction STORE "), text.out());
        assertTrue(text.out().contains("line        5: a[i] = 7;"), text.out());
        assertTrue(text.out().contains("memory cell 42 (a[3]): interpreter 7, transformer 0 — row region MEMORY, column 74; also differ: cell 10 (pad[1])"),
                text.out());

        Cli r = Cli.run("verify", c.toString(), "--config", "155x1024", "--profile", "loom-v1", "--json");
        assertEquals(1, r.exit(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertTrue(!j.get("verified").asBoolean());
        assertEquals(3, j.get("steps").asLong());
        JsonNode d = j.get("divergence");
        assertEquals(3, d.get("step").asLong());
        assertEquals(5, d.get("line").asInt());
        assertEquals("memory", d.get("kind").asText());
        assertEquals(7, d.get("expected").asInt());
        assertEquals(0, d.get("actual").asInt());
        assertEquals("MEMORY", d.get("region").asText());
        assertEquals(74, d.get("column").asInt());
        assertTrue(d.get("instruction").asText().startsWith("STORE "));
    }

    @Test void stepLimitIsNotAVerification() {
        Cli r = Cli.run("verify", FIB_STATE, "--profile", "loom-v1", "--max-steps", "10");
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith("not verified: 10 steps agree, but the step limit came before HALT"), r.out());
    }

    @Test void denseEngineAgreesOverAFewSteps() {
        Cli r = Cli.run("verify", FIB_STATE, "--engine", "dense", "--profile", "loom-v1", "--max-steps", "2", "--json");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains("\"status\" : \"step_limit\""), r.out());
    }

    @Test void theDefaultExactProfileVerifiesLoomsFibonacci() {
        Cli exact = Cli.run("verify", FIB_STATE);
        assertEquals(0, exact.exit(), exact.err());
        assertTrue(exact.out().contains("exact"), exact.out());
    }

    @Test void profileAndEngineErrorsAreUsageErrors() {
        Cli interp = Cli.run("verify", FIB_STATE, "--engine", "interp");
        assertEquals(2, interp.exit());
        assertTrue(interp.err().contains("'interp' is not one: choose one of dense, sparse, fast, softmax, onnx"), interp.err());
        Cli unknown = Cli.run("verify", FIB_STATE, "--profile", "v9");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown profile 'v9'"), unknown.err());
        assertTrue(interp.clean() && unknown.clean());
    }

    @Test void missingFileIsOneLine() {
        Cli r = Cli.run("verify", tmp.resolve("nope.c").toString(), "--profile", "loom-v1");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("tc: error: cannot read "), r.err());
        assertTrue(r.clean());
    }
}
