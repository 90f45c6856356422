package tc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code tc run-state}: Loom's state files, with the info file found beside them or named by --info. */
class RunStateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PROGRAMS = Path.of("../shared/loom-ref/programs");

    @TempDir Path tmp;

    /** The results REFERENCE.md documents (primes is 9 because of the reference compiler's return bug). */
    @ParameterizedTest
    @CsvSource({"fibonacci, 13, 80", "gcd, 6, 72", "collatz, 8, 345", "bubblesort, 7, 650", "primes, 9, 1014"})
    void referenceProgramsGiveTheDocumentedResult(String name, int retval, long steps) throws Exception {
        Cli r = Cli.run("run-state", PROGRAMS.resolve(name + "_state.json").toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(retval, j.get("retval").asInt());
        assertEquals(steps, j.get("steps").asLong());
        assertEquals("halted", j.get("status").asText());
        assertEquals("interp", j.get("engine").asText());
    }

    @Test void sparseLoomV1GivesTheSameResult() throws Exception {
        Cli r = Cli.run("run-state", PROGRAMS.resolve("gcd_state.json").toString(), "--engine", "sparse", "--profile", "loom-v1", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(6, j.get("retval").asInt());
        assertEquals(72, j.get("steps").asLong());
        assertEquals("sparse", j.get("engine").asText());
    }

    @Test void textSummaryMatchesTcRun() {
        String state = PROGRAMS.resolve("fibonacci_state.json").toString();
        Cli runState = Cli.run("run-state", state);
        Cli run = Cli.run("run", state);
        assertEquals(0, runState.exit(), runState.err());
        assertTrue(runState.out().startsWith("retval = 13" + System.lineSeparator() + "steps = 80"), runState.out());
        assertEquals(withoutSpeed(run.out()), withoutSpeed(runState.out()));
    }

    private static String withoutSpeed(String out) { return out.replaceAll("(?m)^speed = .*$", ""); }

    @Test void explicitInfoFileNamesTheVariables() throws Exception {
        Path state = Files.copy(PROGRAMS.resolve("gcd_state.json"), tmp.resolve("g_state.json"));
        Path info = Files.copy(PROGRAMS.resolve("gcd_info.json"), tmp.resolve("elsewhere.json"));
        Cli bare = Cli.run("run-state", state.toString());
        assertEquals(0, bare.exit(), bare.err());
        assertTrue(bare.out().contains("retval = 6"), bare.out());
        assertTrue(!bare.out().contains("variables:"), "no info file, no names: " + bare.out());
        Cli named = Cli.run("run-state", state.toString(), "--info", info.toString());
        assertEquals(0, named.exit(), named.err());
        assertTrue(named.out().contains("variables:" + System.lineSeparator() + "  a = 6"), named.out());
    }

    @Test void stepLimitExitsOne() {
        Cli r = Cli.run("run-state", PROGRAMS.resolve("collatz_state.json").toString(), "--max-steps", "100");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("status = step limit reached"), r.out());
    }

    @Test void badInputsAreOneLineErrors() throws Exception {
        Path program = Files.writeString(tmp.resolve("p.json"), "{\"format\": \"tc-program\"}");
        Cli notState = Cli.run("run-state", program.toString());
        assertEquals(1, notState.exit());
        assertTrue(notState.err().startsWith("tc: error: " + program + " is not a Loom state file"), notState.err());
        Cli noInfo = Cli.run("run-state", PROGRAMS.resolve("gcd_state.json").toString(), "--info", tmp.resolve("none.json").toString());
        assertEquals(1, noInfo.exit());
        assertTrue(noInfo.err().startsWith("tc: error: cannot read "), noInfo.err());
        Cli profile = Cli.run("run-state", PROGRAMS.resolve("gcd_state.json").toString(), "--engine", "sparse", "--profile", "v2");
        assertEquals(2, profile.exit());
        assertTrue(profile.err().contains("unknown profile 'v2'"), profile.err());
        assertTrue(notState.clean() && noInfo.clean() && profile.clean());
    }

    @Test void loomsGcdRunsOnTheExactProfile() {
        Cli exact = Cli.run("run-state", PROGRAMS.resolve("gcd_state.json").toString(), "--engine", "sparse", "--json");
        assertEquals(0, exact.exit(), exact.err());
        assertTrue(exact.out().contains("\"retval\" : 6"), exact.out());
        assertTrue(exact.out().contains("\"steps\" : 72"), exact.out());
    }

    /** The acceptance check, as typed: --profile alone on a state file runs the default (fast) transformer. */
    @Test void profileAloneOnAStateFileRunsTheFastEngineAndSaysSo() throws Exception {
        String gcd = PROGRAMS.resolve("gcd_state.json").toString();
        for (String cmd : new String[] {"run-state", "run"}) {
            Cli r = Cli.run(cmd, gcd, "--profile", "loom-v1", "--json");
            assertEquals(0, r.exit(), r.err());
            JsonNode j = JSON.readTree(r.out());
            assertEquals(6, j.get("retval").asInt());
            assertEquals(72, j.get("steps").asLong());
            assertEquals("fast", j.get("engine").asText(), cmd);
            assertEquals("tc: note: --profile loom-v1 without --engine: running the Loom state file on the fast transformer engine"
                    + System.lineSeparator(), r.err());
        }
    }

    @Test void profileWithoutEngineOnAProgramIsAUsageError() throws Exception {
        Path c = Files.writeString(tmp.resolve("t.c"), "int main() { return 3; }\n");
        Path s = Files.writeString(tmp.resolve("t.s"), ".config 146x512\nHALT\n");
        Path json = tmp.resolve("t.json");
        assertEquals(0, Cli.run("asm", s.toString(), "-o", json.toString()).exit());
        for (String file : new String[] {c.toString(), s.toString(), json.toString(), tmp.resolve("missing.c").toString()}) {
            for (String profile : new String[] {"exact", "loom-v1"}) {
                Cli r = Cli.run("run", file, "--profile", profile);
                assertEquals(2, r.exit(), file + ": " + r.err());
                assertTrue(r.err().startsWith("tc: error: --profile " + profile + " needs a transformer --engine (dense, sparse, fast, softmax, onnx)"), r.err());
                assertEquals("", r.out());
            }
        }
        Cli withEngine = Cli.run("run", c.toString(), "--profile", "exact", "--engine", "sparse", "--json");
        assertEquals(0, withEngine.exit(), withEngine.err());
        assertEquals("sparse", JSON.readTree(withEngine.out()).get("engine").asText());
        Cli unknown = Cli.run("run", c.toString(), "--profile", "v9");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown profile 'v9'"), unknown.err());
    }

    @Test void withoutProfileTheInterpreterRunsAndHelpExplainsTheRule() throws Exception {
        Cli r = Cli.run("run-state", PROGRAMS.resolve("gcd_state.json").toString(), "--json");
        assertEquals("interp", JSON.readTree(r.out()).get("engine").asText());
        assertEquals("", r.err());
        for (String cmd : new String[] {"run", "run-state"}) {
            String help = Cli.run(cmd, "--help").out().replaceAll("\\s+", " ");
            assertTrue(help.contains("Needs a transformer --engine (dense, sparse, fast, softmax, onnx), except on a Loom state file"), help);
        }
    }
}
