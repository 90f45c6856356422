package tc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The softmax engine approximates the transformer: every run on it says so, once, on stderr, and
 * its {@code --json} carries {@code "approximate": true}; the exact engines say nothing of the kind.
 */
class ApproximateEngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private String program() throws Exception {
        Path p = dir.resolve("add.c");
        Files.writeString(p, "int main() { int a = 2; int b = 3; return a + b; }\n");
        return p.toString();
    }

    private static long warnings(String err) { return err.lines().filter(l -> l.startsWith("tc: warning:") && l.contains("approximates")).count(); }

    @Test void softmaxRunsWarnOnceAndMarkTheirJson() throws Exception {
        Cli r = Cli.run("run", program(), "--engine", "softmax", "--json", "--max-steps", "40");
        assertTrue(r.clean(), r.err());
        assertEquals(1, warnings(r.err()), r.err());
        JsonNode o = JSON.readTree(r.out());
        assertTrue(o.get("approximate").asBoolean(), r.out());
    }

    @Test void exactEnginesDoNot() throws Exception {
        for (String engine : new String[] {"interp", "sparse"}) {
            Cli r = Cli.run("run", program(), "--engine", engine, "--json");
            assertEquals(0, r.exit(), r.err());
            assertEquals(0, warnings(r.err()), engine + ": " + r.err());
            assertFalse(JSON.readTree(r.out()).get("approximate").asBoolean(), engine);
        }
    }

    @Test void verifyOnSoftmaxWarnsToo() throws Exception {
        Cli r = Cli.run("verify", program(), "--engine", "softmax", "--max-steps", "40");
        assertTrue(r.clean(), r.err());
        assertEquals(1, warnings(r.err()), r.err());
        assertEquals(0, warnings(Cli.run("verify", program(), "--max-steps", "40").err()));
    }
}
