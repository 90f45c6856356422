package tc.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tc.loom.backend.CompileOptions;
import tc.loom.interp.IsaMachine;
import tc.loom.isa.Program;

/**
 * The debugger's API against the interpreter: every step of a program on each engine shows the
 * interpreter's PC, line and variables; run to line, breakpoints and reset; diagnostics at their
 * line; the state matrix with its changed cells and the attention reads of the step just taken.
 */
class DebuggerApiTest {
    static final String FIB = """
            int main() {
                int a = 0;
                int b = 1;
                for (int i = 0; i < 10; i++) {
                    int t = a + b;
                    a = b;
                    b = t;
                }
                return a;
            }
            """;
    private static WebServer server;
    private static WebClient client;

    @BeforeAll static void start() throws Exception {
        server = WebServer.start("127.0.0.1", 0, WebLimits.defaults());
        client = new WebClient(server);
    }

    @AfterAll static void stop() { server.close(); }

    private static String compiled(String source, String engine, String profile) {
        String id = client.open();
        var b = WebClient.body(id).put("source", source).put("engine", engine);
        if (profile != null) b.put("profile", profile);
        WebClient.Answer a = client.post("/api/compile", b);
        assertEquals(200, a.status(), a.text());
        return id;
    }

    private static JsonNode act(String id, String action, int count, boolean matrix) {
        WebClient.Answer a = client.post("/api/debug", WebClient.body(id).put("action", action).put("count", count).put("matrix", matrix));
        assertEquals(200, a.status(), a.text());
        return a.body();
    }

    /** Each engine, stepped one instruction a request, shows what the interpreter holds after the same steps. */
    @ParameterizedTest @ValueSource(strings = {"interp", "sparse", "fast", "dense"})
    void everyStepEqualsTheInterpreter(String engine) {
        String id = compiled(FIB, engine, null);
        Program p = CompiledProgram.compile("main.c", FIB, CompileOptions.defaults()).program();
        IsaMachine m = new IsaMachine(p);
        int steps = 0;
        while (m.running()) {
            m.step();
            JsonNode v = act(id, "step", 1, false);
            steps++;
            assertEquals(m.pc(), v.get("pc").asInt(), "pc after step " + steps);
            assertEquals(p.debug().lineOf(m.pc() - p.config().programStart()), v.get("line").asInt());
            for (JsonNode var : v.get("variables"))
                assertEquals(m.cell(var.get("index").asInt()), var.get("values").get(0).asInt(), var.get("name").asText() + " after step " + steps);
        }
        JsonNode end = act(id, "step", 1, false);
        assertEquals("halted", end.get("status").asText());
        assertEquals(55, end.get("retval").asInt());
        assertEquals(m.steps(), end.get("steps").asLong());
    }

    @Test void runToLineBreakpointsAndReset() {
        String id = compiled(FIB, "sparse", null);
        WebClient.Answer a = client.post("/api/debug", WebClient.body(id).put("action", "runToLine").put("line", 6).put("matrix", false));
        assertEquals(6, a.body().get("line").asInt(), a.text());
        assertEquals("reached line 6", a.body().get("stopped").asText());
        var bp = WebClient.body(id).put("action", "run").put("matrix", false);
        bp.putArray("breakpoints").add(5);
        JsonNode v = client.post("/api/debug", bp).body();
        assertEquals("breakpoint at line 5", v.get("stopped").asText(), v.toString());
        assertEquals(5, v.get("line").asInt());
        JsonNode reset = act(id, "reset", 1, false);
        assertEquals(0, reset.get("steps").asLong());
        assertEquals(4, reset.get("line").asInt()); // the first instruction is the for loop's initialisation
    }

    @Test void aCompileErrorIsShownAtItsLine() {
        String id = client.open();
        WebClient.Answer a = client.post("/api/compile", WebClient.body(id).put("source", "int main() {\n    int x = 1;\n    return y;\n}\n"));
        assertEquals(422, a.status(), a.text());
        JsonNode d = a.body().get("diagnostics").get(0);
        assertEquals(3, d.get("line").asInt());
        assertEquals(12, d.get("column").asInt());
        assertTrue(d.get("text").asText().startsWith("main.c:3:12: error: undefined variable 'y'"), d.toString());
        WebClient.Answer step = client.post("/api/debug", WebClient.body(id).put("action", "step"));
        assertEquals(409, step.status(), "nothing compiled: " + step.text());
    }

    /**
     * The state matrix view marks what the step changed, and the attention reads come from the
     * weights: in the first step L1's fetch head carries the instruction at the PC (the first ROM
     * column) into column 0.
     */
    @ParameterizedTest @ValueSource(strings = {"exact", "loom-v1"})
    void theMatrixAndTheAttentionOfAStep(String profile) {
        String id = compiled(FIB, "sparse", profile);
        JsonNode v = act(id, "step", 1, true);
        JsonNode m = v.get("matrix");
        int rows = m.get("rows").asInt(), columns = m.get("columns").asInt();
        assertEquals(rows * columns, m.get("cells").asText().length());
        assertTrue(m.get("changedTotal").asInt() > 0, "a step changes the state");
        for (JsonNode c : m.get("changed")) assertTrue(c.asInt() >= 0 && c.asInt() < rows * columns);
        assertTrue(m.get("regions").size() >= 14, m.get("regions").toString());
        int programStart = m.get("programStart").asInt();
        boolean fetched = false;
        for (JsonNode head : v.get("attention"))
            if (head.get("layer").asText().startsWith("L1"))
                for (JsonNode r : head.get("reads"))
                    if (r.get("target").asInt() == 0 && r.get("source").asInt() == programStart) fetched = true;
        assertTrue(fetched, "L1 reads the instruction at the PC into column 0: " + v.get("attention"));
        assertFalse(v.get("attention").isEmpty());
    }
}
