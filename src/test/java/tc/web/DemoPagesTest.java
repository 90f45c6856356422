package tc.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demos and the Tensor Computer page through the API: the page's Sudoku on the fast
 * transformer ends in the solution its header states; Snake moves on the transformer leave the
 * board the interpreter leaves; the soft machine's trace at a small τ follows the program.
 */
class DemoPagesTest {
    private static WebServer server;
    private static WebClient client;

    @BeforeAll static void start() throws Exception {
        server = WebServer.start("127.0.0.1", 0, WebLimits.defaults());
        client = new WebClient(server);
    }

    @AfterAll static void stop() { server.close(); }

    /** The {@code // expect: output} lines of a bundled demo, concatenated. */
    static List<Integer> expectedOutputs(String resource) {
        List<Integer> out = new ArrayList<>();
        for (String line : DemoCatalog.resource(resource).split("\\R"))
            if (line.startsWith("// expect: output "))
                Arrays.stream(line.substring("// expect: output ".length()).trim().split("\\s+")).map(Integer::parseInt).forEach(out::add);
        return out;
    }

    @Test void sudokuEasyIsSolvedOnTheTransformer() {
        String id = client.open();
        WebClient.Answer a = client.post("/api/demo/run", WebClient.body(id).put("name", "sudoku-easy").put("engine", "fast"));
        assertEquals(200, a.status(), a.text());
        assertEquals("halted", a.body().get("status").asText());
        assertEquals(8553, a.body().get("steps").asLong());
        JsonNode frames = a.body().get("views").get(0).get("frames");
        assertEquals(2, frames.size());
        List<Integer> shown = new ArrayList<>();
        for (JsonNode f : frames) for (JsonNode v : f) shown.add(v.asInt());
        assertEquals(expectedOutputs("/tc/web/demos/sudoku-easy.c"), shown);
        assertTrue(a.body().get("stepsPerSecond").asLong() > 0);
    }

    @Test void unknownDemoNamesTheChoices() {
        WebClient.Answer a = client.post("/api/demo/run", WebClient.body(client.open()).put("name", "tetris"));
        assertEquals(404, a.status());
        assertTrue(a.error().contains("choose one of") && a.error().contains("sudoku-easy"), a.error());
    }

    /** The same keys on the fast transformer and on the interpreter give the same game. */
    @Test void snakeMovesOnTheTransformerEqualTheInterpreter() {
        String onTransformer = client.open(), onInterp = client.open();
        assertEquals(200, client.post("/api/snake/new", WebClient.body(onTransformer).put("engine", "fast")).status());
        assertEquals(200, client.post("/api/snake/new", WebClient.body(onInterp).put("engine", "interp")).status());
        int[] keys = {1, 1, 8, 8, 0, -1, -1};   // right, right (eats at 20), down, down, straight on, left, left (eats at 42)
        JsonNode t = null, i = null;
        for (int key : keys) {
            t = client.post("/api/snake/move", WebClient.body(onTransformer).put("key", key)).body();
            i = client.post("/api/snake/move", WebClient.body(onInterp).put("key", key)).body();
            assertEquals(i.get("views"), t.get("views"), "board after key " + key);
            assertEquals(i.get("steps"), t.get("steps"));
        }
        assertEquals(keys.length, t.get("moves").asInt());
        // the head moved from 18 to 19, 20 (food), 28, 36, 44, 43, 42 (food)
        List<Integer> board = new ArrayList<>();
        for (JsonNode v : t.get("views").get(0).get("frames").get(0)) board.add(v.asInt());
        assertEquals(2, board.get(42), board.toString());
        assertEquals(2, t.get("eaten").asInt(), t.toString());
        WebClient.Answer bad = client.post("/api/snake/move", WebClient.body(onTransformer).put("key", 3));
        assertEquals(400, bad.status());
    }

    /** A seed-machine demo runs a request's steps at a time, with its console and framebuffer. */
    @Test void aTensorComputerDemoRunsOnTheSeedMachine() {
        String id = client.open();
        WebClient.Answer start = client.post("/api/tcdemo/start", WebClient.body(id).put("name", "hello"));
        assertEquals(200, start.status(), start.text());
        assertEquals(0, start.body().get("steps").asLong());
        WebClient.Answer part = client.post("/api/tcdemo/continue", WebClient.body(id).put("steps", 100));
        assertEquals(100, part.body().get("steps").asLong());
        assertEquals("running", part.body().get("status").asText());
        WebClient.Answer end = client.post("/api/tcdemo/continue", WebClient.body(id).put("steps", 10_000));
        assertEquals("halted", end.body().get("status").asText(), end.text());
        assertEquals(205, end.body().get("steps").asLong());
        assertTrue(end.body().get("console").asText().startsWith("hello, world"), end.text());
        assertTrue(end.body().get("framebuffer").asText().startsWith("data:image/png;base64,"));
        assertEquals(404, client.post("/api/tcdemo/start", WebClient.body(id).put("name", "doom")).status());
    }

    /** A tc learn run in the background: polled to its end, it reports the solution, its accuracy and the curve. */
    @Test void aLearningRunIsPolledToItsResult() throws Exception {
        String id = client.open();
        WebClient.Answer start = client.post("/api/learn/start", WebClient.body(id).put("task", "add").put("seed", 1));
        assertEquals(200, start.status(), start.text());
        JsonNode v = start.body();
        // the page's way: each poll asks for the curve points after those it has
        List<JsonNode> curve = new ArrayList<>();
        v.get("curve").forEach(curve::add);
        for (int polls = 0; !v.get("done").asBoolean(); polls++) {
            assertTrue(polls < 1200, "the add task learns in well under two minutes");
            Thread.sleep(100);
            v = client.post("/api/learn/poll", WebClient.body(id).put("since", curve.size())).body();
            assertEquals(curve.size(), v.get("since").asInt());
            v.get("curve").forEach(curve::add);
            assertEquals(v.get("points").asInt(), curve.size(), "no point lost or sent twice");
        }
        assertTrue(v.get("error").isNull(), v.toString());
        assertTrue(curve.size() > 1, "a curve, not a single point: " + curve);
        for (int k = 1; k < curve.size(); k++)
            assertTrue(curve.get(k).get("episode").asLong() >= curve.get(k - 1).get("episode").asLong(), "episodes never decrease");
        JsonNode end = curve.get(curve.size() - 1);
        assertEquals("end", end.get("phase").asText());
        assertEquals(v.get("episodes").asLong(), end.get("episode").asLong(), "the curve ends at the final count");
        // a fresh poll from 0 returns the whole curve again
        assertEquals(curve.size(), client.post("/api/learn/poll", WebClient.body(id)).body().get("curve").size());
        assertEquals(400, client.post("/api/learn/poll", WebClient.body(id).put("since", -1)).status());
        assertTrue(v.get("solved").asBoolean(), v.toString());
        assertEquals(1.0, v.get("accuracy").asDouble());
        assertTrue(v.get("program").asText().contains("add"), v.toString());
        assertTrue(v.get("curve").size() > 0, v.toString());
        assertEquals(400, client.post("/api/learn/start", WebClient.body(id).put("task", "chess")).status());
    }

    @Test void theSoftMachineAtASmallTauFollowsTheProgram() {
        String id = client.open();
        String sum = "int main() { int s = 0; for (int i = 1; i <= 5; i++) s = s + i; return s; }";
        WebClient.Answer a = client.post("/api/soft", WebClient.body(id).put("source", sum).put("tau", 0.01).put("steps", 200));
        assertEquals(200, a.status(), a.text());
        JsonNode steps = a.body().get("steps");
        assertEquals(201, steps.size());
        JsonNode last = steps.get(200);
        assertEquals(1.0, last.get("halted").asDouble(), 1e-9);
        double blend = 0;
        for (JsonNode o : steps.get(3).get("opcodes")) blend += o.asDouble();
        assertEquals(1.0, blend, 1e-9, "an opcode blend is a distribution");
        WebClient.Answer hot = client.post("/api/soft", WebClient.body(id).put("tau", 3.0).put("steps", 5));
        assertTrue(hot.body().get("steps").get(5).get("pc").size() > 1, "at a high tau the PC spreads over slots");
        assertEquals(400, client.post("/api/soft", WebClient.body(id).put("tau", 0)).status());
    }
}
