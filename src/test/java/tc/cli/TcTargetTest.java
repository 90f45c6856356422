package tc.cli;

import static tc.fixtures.CPrograms.FACT;
import static tc.fixtures.CPrograms.FIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tc run/compile --target tc}. */
class TcTargetTest {
    @TempDir Path tmp;


    private Path write(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test void factorialPrints120() throws Exception {
        Cli r = Cli.run("run", write("fact.c", FACT).toString(), "--target", "tc");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("retval = 120"), r.out());
        assertTrue(r.out().contains("status = halted"), r.out());
        Cli explicit = Cli.run("run", write("fact2.c", FACT).toString(), "--target", "tc", "--engine", "interp");
        assertTrue(explicit.out().contains("retval = 120"), explicit.out());
    }

    @Test void fibonacciJsonHasTheLoomTargetsKeys() throws Exception {
        Path c = write("fib.c", FIB);
        JsonNode tc = new ObjectMapper().readTree(Cli.run("run", c.toString(), "--target", "tc", "--json").out());
        assertEquals(55, tc.get("retval").asInt());
        assertEquals(13, tc.get("outputs").get(0).asInt());
        assertEquals("halted", tc.get("status").asText());
        assertEquals("interp", tc.get("engine").asText());
        assertEquals(32, tc.get("config").get("N").asInt());
        JsonNode loom = new ObjectMapper().readTree(Cli.run("run", c.toString(), "--json").out());
        assertEquals(keys(loom), keys(tc));
        assertEquals(55, loom.get("retval").asInt(), "the default target is still Loom");
    }

    @Test void softEngineRunsFactorialAndFibonacciWithTheSameJsonKeys() throws Exception {
        Path fact = write("fact.c", FACT), fib = write("fib.c", FIB);
        JsonNode f = new ObjectMapper().readTree(Cli.run("run", fact.toString(), "--target", "tc", "--engine", "soft", "--tau", "0.001", "--json").out());
        assertEquals(120, f.get("retval").asInt());
        assertEquals("halted", f.get("status").asText());
        assertEquals("soft", f.get("engine").asText());
        JsonNode interp = new ObjectMapper().readTree(Cli.run("run", fact.toString(), "--target", "tc", "--json").out());
        assertEquals(interp.get("steps").asLong(), f.get("steps").asLong(), "at τ = 1e-3 the soft machine is exact, step count included");
        JsonNode loom = new ObjectMapper().readTree(Cli.run("run", fact.toString(), "--json").out());
        assertEquals(keys(loom), keys(f));

        Cli text = Cli.run("run", fib.toString(), "--target", "tc", "--engine", "soft", "--tau", "1e-3");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("retval = 55"), text.out());
        JsonNode b = new ObjectMapper().readTree(Cli.run("run", fib.toString(), "--target", "tc", "--engine", "soft", "--tau", "1e-3", "--json").out());
        assertEquals(55, b.get("retval").asInt());
        assertEquals(13, b.get("outputs").get(0).asInt());
        assertEquals(keys(loom), keys(b));
    }

    private static Set<String> keys(JsonNode n) {
        Set<String> k = new TreeSet<>();
        n.fieldNames().forEachRemaining(k::add);
        return k;
    }

    @Test void stepLimitExitsOne() throws Exception {
        Cli r = Cli.run("run", write("fib.c", FIB).toString(), "--target", "tc", "--max-steps", "10");
        assertEquals(Main.FAILURE, r.exit());
        assertTrue(r.out().contains("step limit"), r.out());
    }

    @Test void wordWrapsAt32Bits() throws Exception {
        Cli r = Cli.run("run", write("w.c", "int main() { int x = 200; return x * 1000; }").toString(), "--target", "tc");
        assertTrue(r.out().contains("retval = 200000"), r.out());
    }

    @Test void unknownEngineIsAUsageErrorNamingTheChoices() throws Exception {
        Cli r = Cli.run("run", write("fact.c", FACT).toString(), "--target", "tc", "--engine", "nosuch", "--tau", "0.01");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown engine 'nosuch'"), r.err());
        assertTrue(r.clean());
    }

    @Test void badFlagCombinationsAreUsageErrors() throws Exception {
        String c = write("fact.c", FACT).toString();
        for (String[] args : new String[][] {
                {"run", c, "--target", "tc", "--tau", "-1"},
                {"run", c, "--tau", "0.1"},
                {"run", c, "--target", "tc", "--word-bits", "16"},
                {"run", c, "--target", "mips"},
                {"run", c, "--target", "tc", "--trace", "--engine", "soft"},
                {"run", c, "--target", "tc", "--trace", "--json"}}) {
            Cli r = Cli.run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + "\n" + r.err());
            assertTrue(r.clean(), r.err());
        }
    }

    @Test void traceShowsEveryStepAndWhatItWrote() throws Exception {
        Cli r = Cli.run("run", write("fact.c", FACT).toString(), "--target", "tc", "--trace");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].contains("step") && lines[0].contains("instruction") && lines[0].contains("writes"), lines[0]);
        long steps = Long.parseLong(r.out().replaceAll("(?s).*\\nsteps = (\\d+).*", "$1"));
        long traced = java.util.Arrays.stream(lines).filter(l -> l.matches("\\s*\\d+\\s+\\d+\\s+\\S.*")).count();
        assertEquals(steps, traced, "one line per executed instruction");
        assertTrue(r.out().contains(" mul r"), "the instructions are printed as assembly");
        assertTrue(r.out().matches("(?s).*r\\d+=120\\b.*"), "the register that receives 5! shows it");
        assertTrue(r.out().contains("retval = 120"), r.out());
    }

    @Test void compileErrorsHavePositions() throws Exception {
        Cli r = Cli.run("run", write("bad.c", "int main() {\n  return x;\n}\n").toString(), "--target", "tc");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("bad.c:2:"), r.err());
        assertTrue(r.clean(), r.err());
    }

    @Test void compileListsTheCode() throws Exception {
        Cli r = Cli.run("compile", write("fact.c", FACT).toString(), "--target", "tc");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("f_fact:") && r.out().contains("mul r"), r.out());
        assertTrue(r.err().contains("for the Tensor Computer"), r.err());
    }

    @Test void smallMemoryOverflowsTheStack() throws Exception {
        String deep = "int down(int n) { if (n == 0) return 0; return down(n - 1) + 1; } int main() { return down(500); }";
        Path c = write("deep.c", deep);
        Cli small = Cli.run("run", c.toString(), "--target", "tc", "--memory-words", "256");
        assertEquals(Main.FAILURE, small.exit());
        assertTrue(small.out().contains("stack overflow"), small.out());
        Cli big = Cli.run("run", c.toString(), "--target", "tc", "--memory-words", "4096");
        assertTrue(big.out().contains("retval = 500"), big.out());
    }

    @Test void defaultMemoryRunsAThousandNestedCallsOnBothEngines() throws Exception {
        Path c = write("f.c", "int f(int n) { if (n == 0) return 0; return f(n - 1) + 1; }\nint main() { return f(1000); }\n");
        Cli interp = Cli.run("run", c.toString(), "--target", "tc");
        assertEquals(0, interp.exit(), interp.out());
        assertTrue(interp.out().contains("retval = 1000"), interp.out());
        JsonNode soft = new ObjectMapper().readTree(Cli.run("run", c.toString(), "--target", "tc", "--engine", "soft", "--json").out());
        assertEquals(1000, soft.get("retval").asInt());
        assertEquals("halted", soft.get("status").asText());
    }

    private static final String DOWN = """
            int down(int n) {
                int keep = n * 2;
                return down(n + 1) + keep;
            }
            int main() {
                int x = 7;
                x = x * 6;
                return down(x) + x;
            }
            """;

    @Test void stackOverflowNamesTheStepAndLineOfTheCall() throws Exception {
        Path c = write("down.c", DOWN);
        Cli text = Cli.run("run", c.toString(), "--target", "tc");
        assertEquals(Main.FAILURE, text.exit());
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("status = fault: stack overflow: the call of down .*\\(step (\\d+), pc (\\d+), line 3\\)").matcher(text.out());
        assertTrue(m.find(), text.out());
        assertTrue(text.out().contains("  x = 42"), "main's x, not the register down reused: " + text.out());
        JsonNode j = new ObjectMapper().readTree(Cli.run("run", c.toString(), "--target", "tc", "--json").out());
        JsonNode f = j.get("fault");
        assertEquals("stack_overflow", f.get("kind").asText());
        assertEquals(3, f.get("line").asInt());
        assertEquals(Long.parseLong(m.group(1)), f.get("step").asLong());
        assertEquals(Integer.parseInt(m.group(2)), f.get("pc").asInt());
        assertTrue(f.get("pc").asInt() != j.get("pc").asInt(), "the call's slot, not the overflow HALT's: " + j);
        assertTrue(f.get("step").asLong() < j.get("steps").asLong());
        assertEquals(42, j.get("variables").get("x").asInt());
    }

    @Test void stepLimitInsideACallShowsMainsValues() throws Exception {
        Path c = write("spin.c", tc.fixtures.CPrograms.SPIN);
        JsonNode j = new ObjectMapper().readTree(Cli.run("run", c.toString(), "--target", "tc", "--max-steps", "200", "--json").out());
        assertEquals("step_limit", j.get("status").asText());
        assertEquals(47, j.get("variables").get("x").asInt(), j.toString());
        assertEquals(40, j.get("variables").get("y").asInt(), j.toString());
    }
}
