package tc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tc.computer.TcEngines;
import tc.computer.backend.TcBackend;
import tc.computer.backend.TcCompiled;
import tc.computer.backend.TcRunner;
import tc.fixtures.CPrograms;
import tc.loom.Engines;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.interp.Interpreter;
import tc.loom.isa.Program;
import tc.source.SourceFile;

/** The result of {@code tc run}, from hand-made programs run on the real interpreter. */
class RunReportTest {
    private static RunReport run(Program p, long maxSteps) {
        RunResult r = new Interpreter().run(p, RunOptions.defaults().withMaxSteps(maxSteps));
        return new RunReport(p, r, Engines.get("interp"), 1_000_000);
    }

    @Test void jsonOfAHaltedRun() throws Exception {
        JsonNode j = new ObjectMapper().readTree(run(HandMadePrograms.sumDown(), 1000).json());
        List<String> fields = new ArrayList<>();
        j.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("retval", "steps", "halted", "status", "pc", "outputs", "variables", "fault", "engine", "approximate", "config"), fields);
        assertEquals(15, j.get("retval").asInt());
        assertEquals(22, j.get("steps").asLong()); // 5 loop passes of 4 instructions, MOV, HALT
        assertTrue(j.get("halted").asBoolean());
        assertEquals("halted", j.get("status").asText());
        assertEquals(0, j.get("pc").asInt());
        assertEquals("[5,9,12,14,15]", j.get("outputs").toString());
        assertEquals("{\"counter\":0,\"acc\":15,\"table\":[1,-2,3]}", j.get("variables").toString());
        assertTrue(j.get("fault").isNull());
        assertEquals("interp", j.get("engine").asText());
        assertEquals("{\"name\":\"146x512\",\"s\":32,\"m\":160,\"n\":512,\"N\":8}", j.get("config").toString());
    }

    @Test void jsonOfAFault() throws Exception {
        JsonNode j = new ObjectMapper().readTree(run(HandMadePrograms.badPointer(), 1000).json());
        assertEquals("fault", j.get("status").asText());
        assertTrue(!j.get("halted").asBoolean());
        JsonNode f = j.get("fault");
        assertEquals("pointer_out_of_range", f.get("kind").asText());
        assertEquals(2, f.get("step").asLong());
        assertEquals(32 + 160 + 1, f.get("pc").asInt());
        assertTrue(f.get("message").asText().contains("pointer 200"), f.toString());
        assertTrue(f.get("line").isNull(), "hand-made code has no source lines: " + f);
    }

    @Test void faultJsonNamesTheSourceLineAsTheTextDoes() throws Exception {
        String c = "src/test/resources/corpus/faults/pointer_out_of_range.c";
        Cli text = Cli.run("run", c, "--config", "155x1024");
        assertTrue(text.out().contains("(step 5, pc 100, line 11)"), text.out());
        JsonNode f = new ObjectMapper().readTree(Cli.run("run", c, "--config", "155x1024", "--json").out()).get("fault");
        assertEquals(11, f.get("line").asInt(), f.toString());
    }

    @Test void jsonOfAStepLimit() throws Exception {
        JsonNode j = new ObjectMapper().readTree(run(HandMadePrograms.sumDown(), 7).json());
        assertEquals("step_limit", j.get("status").asText());
        assertEquals(7, j.get("steps").asLong());
        assertEquals("[5,9]", j.get("outputs").toString());
    }

    @Test void textReport() {
        StringWriter s = new StringWriter();
        run(HandMadePrograms.sumDown(), 1000).printText(new PrintWriter(s, true));
        String[] lines = s.toString().split("\\R");
        assertEquals("retval = 15", lines[0]);
        assertEquals("steps = 22", lines[1]);
        assertEquals("status = halted", lines[2]);
        assertEquals("outputs = 5, 9, 12, 14, 15", lines[3]);
        assertEquals("variables:", lines[4]);
        assertEquals("  counter = 0", lines[5]);
        assertEquals("  acc = 15", lines[6]);
        assertEquals("  table = {1, -2, 3}", lines[7]);
        assertEquals("speed = 22 steps in 1.000 ms, 22,000 steps/s (interp, 146x512)", lines[8]);
        assertEquals(9, lines.length);
    }

    @Test void longArraysAreShortenedInTextButWholeInJson() throws Exception {
        int[] exactly32 = new int[32], n33 = new int[33];
        for (int i = 0; i < 32; i++) exactly32[i] = i - 5;
        for (int i = 0; i < 33; i++) n33[i] = 10 * i;
        assertEquals("{" + String.join(", ", java.util.Arrays.stream(exactly32).mapToObj(Integer::toString).toList()) + "}",
                RunReport.show(exactly32), "32 values are printed whole");
        assertEquals("{0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, …, 290, 300, 310, 320} (33 values)",
                RunReport.show(n33));

        // A compiled program's 16,384-word array (the sumarray demo's size) through the real summary.
        String src = "int a[16384];\nint main() { int i; for (i = 0; i < 16384; i++) a[i] = i * 3; return a[16383]; }";
        RunReport r = tc(src, 10_000_000);
        StringWriter s = new StringWriter();
        r.printText(new PrintWriter(s, true));
        String line = s.toString().lines().filter(l -> l.startsWith("  a = ")).findFirst().orElseThrow();
        assertEquals("  a = {0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 42, 45, …, 49140, 49143, 49146, 49149} (16,384 values)", line);
        JsonNode a = new ObjectMapper().readTree(r.json()).get("variables").get("a");
        assertEquals(16_384, a.size(), "JSON keeps the array whole");
        for (int i = 0; i < 16_384; i++) assertEquals(3 * i, a.get(i).asInt());
    }

    @Test void faultStatusNamesStepAndPc() {
        RunReport r = run(HandMadePrograms.badPointer(), 1000);
        assertTrue(r.statusText().startsWith("fault: LOAD through pointer 200"), r.statusText());
        assertTrue(r.statusText().endsWith("(step 2, pc 193)"), r.statusText());
        assertEquals("step limit reached: give a larger --max-steps to run longer", run(HandMadePrograms.sumDown(), 3).statusText());
    }

    @Test void variablesKeepMemoryOrderAndArrays() {
        var vars = run(HandMadePrograms.sumDown(), 1000).variables();
        assertEquals(List.of("counter", "acc", "table"), List.copyOf(vars.keySet()));
        assertArrayEquals(new int[] {1, -2, 3}, (int[]) vars.get("table"));
    }

    /** The same printer on the Tensor Computer's side: a compiled C program on the interpreter. */
    private static RunReport tc(String c, long maxSteps) {
        TcCompiled compiled = TcBackend.compile(new SourceFile("t.c", c));
        return new RunReport(TcRun.summary(compiled, TcRunner.run(compiled, TcEngines.INTERP, maxSteps), "interp"), 1_000_000);
    }

    private static String text(RunReport r) {
        StringWriter s = new StringWriter();
        r.printText(new PrintWriter(s, true));
        return s.toString();
    }

    @Test void tensorComputerRunReportsRetvalFromR0() throws Exception {
        RunReport r = tc(CPrograms.FACT, 10_000);
        String[] lines = text(r).split("\\R");
        assertEquals("retval = 120", lines[0]);
        assertTrue(lines[1].matches("steps = \\d+"), lines[1]);
        assertEquals("status = halted", lines[2]);
        assertTrue(lines[3].matches("speed = \\d+ steps in 1\\.000 ms, [\\d,]+ steps/s \\(interp, tc 16384 words, 64 slots\\)"), lines[3]);
        assertEquals(4, lines.length, "fact's main has no named variables, and there is no output");

        JsonNode j = new ObjectMapper().readTree(r.json());
        List<String> fields = new ArrayList<>();
        j.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("retval", "steps", "halted", "status", "pc", "outputs", "variables", "fault", "engine", "approximate", "config"), fields);
        assertEquals(120, j.get("retval").asInt());
        assertEquals("halted", j.get("status").asText());
        assertTrue(j.get("halted").asBoolean());
        assertEquals(2, j.get("pc").asInt(), "the PC stays on the startup HALT");
        assertTrue(j.get("fault").isNull());
        assertEquals("{\"name\":\"tc\",\"memoryWords\":16384,\"slots\":64,\"N\":32}", j.get("config").toString());
    }

    @Test void tensorComputerStepLimitIsItsOwnStatus() throws Exception {
        RunReport r = tc(CPrograms.FACT, 7);
        assertTrue(text(r).lines().anyMatch("status = step limit reached: give a larger --max-steps to run longer"::equals), text(r));
        assertTrue(text(r).contains("speed = 7 steps in 1.000 ms"), text(r));
        assertEquals("step_limit", new ObjectMapper().readTree(r.json()).get("status").asText());
    }

    @Test void unknownValuesOfMainAreMarkedNotGuessed() throws Exception {
        RunReport r = tc("int main() { int x = 3; int y = x * 5; return x + y; }", 1); // main not entered yet
        String t = text(r);
        assertTrue(t.contains("  x = ?"), t);
        assertTrue(t.contains("(?: main's value is unknown"), t);
        JsonNode j = new ObjectMapper().readTree(r.json());
        assertTrue(j.get("variables").get("x").isNull(), j.toString());
        assertTrue(j.get("note").asText().contains("unknown"), j.toString());
        assertTrue(!new ObjectMapper().readTree(tc("int main() { int x = 3; return x; }", 100).json()).has("note"), "no note when every value is known");
    }
}
