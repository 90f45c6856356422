package tc.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * tc serve refuses what it must: other origins and other Host names, oversized sources and bodies,
 * more steps than a request may run, more sessions than it holds; bad JSON and unknown sessions get
 * a 4xx with a message and no stack trace; sessions are independent, expire when idle and cancel.
 */
class WebSecurityTest {
    private static final String FIB = "int main() { int a = 0; int b = 1; for (int i = 0; i < 10; i++) { int t = a + b; a = b; b = t; } return a; }";
    private static WebServer server;
    private static WebClient client;

    @BeforeAll static void start() throws Exception {
        server = WebServer.start("127.0.0.1", 0, WebLimits.defaults().withMaxStepsPerRequest(100_000));
        client = new WebClient(server);
    }

    @AfterAll static void stop() { server.close(); }

    /** A 4xx answer's message is one readable line: no Java stack frame, no exception class. */
    private static void readable(WebClient.Answer a, int status, String expected) {
        assertEquals(status, a.status(), a.text());
        String error = a.error();
        assertNotNull(error, "no error message in " + a.text());
        assertTrue(error.contains(expected), "'" + error + "' should mention '" + expected + "'");
        assertFalse(a.text().contains("\tat ") || a.text().contains("Exception"), "stack trace or exception class in " + a.text());
    }

    @Test void anotherOriginIsRefused() {
        readable(client.post("/api/session/open", "{}", "http://evil.example"), 403, "origin 'http://evil.example'");
        readable(client.post("/api/session/open", "{}", "http://127.0.0.1:1"), 403, "not served here");
        // its own origin passes
        assertEquals(200, client.post("/api/session/open", "{}", "http://127.0.0.1:" + server.port()).status());
    }

    @Test void anotherHostNameIsRefused() throws Exception {
        String answer = WebClient.raw(server.port(), "rebound.example:" + server.port(), "POST", "/api/session/open", "{}");
        assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
        assertTrue(answer.contains("does not name this server"), answer);
        assertTrue(WebClient.raw(server.port(), "localhost:" + server.port(), "GET", "/", "").startsWith("HTTP/1.1 200"));
    }

    @Test void badJsonIsA400WithAMessage() {
        readable(client.post("/api/session/open", "{not json", null), 400, "bad JSON");
        readable(client.post("/api/compile", "[1, 2]", null), 400, "one JSON object");
        String id = client.open();
        readable(client.post("/api/compile", "{\"id\": \"" + id + "\", \"source\": 5}", null), 400, "'source' must be a string");
    }

    @Test void anUnknownSessionIsA404() {
        ObjectNode b = WebClient.body("0123456789abcdef0123456789abcdef");
        b.put("source", FIB);
        readable(client.post("/api/compile", b), 404, "unknown session");
        readable(client.post("/api/debug", WebClient.body(null).put("action", "step")), 400, "missing field 'id'");
    }

    @Test void unknownRoutesAndPagesAre404() {
        readable(client.post("/api/nothing", WebClient.body(null)), 404, "no route");
        assertEquals(404, client.get("/../../etc/passwd").status());
        assertEquals(404, client.get("/secret.class").status());
        assertEquals(200, client.get("/debugger").status());
    }

    @Test void anOversizedSourceIsRefused() {
        String id = client.open();
        ObjectNode b = WebClient.body(id);
        b.put("source", "int main() { return 0; }\n" + "//".repeat(40_000));
        readable(client.post("/api/compile", b), 413, "at most 65536");
        String huge = "{\"id\":\"" + id + "\",\"source\":\"" + "x".repeat(300_000) + "\"}";
        readable(client.post("/api/compile", huge, null), 413, "request body over");
    }

    @Test void stepsPerRequestAreCapped() {
        String id = client.open();
        assertEquals(200, client.post("/api/compile", WebClient.body(id).put("source", "int main() { while (1) { } return 0; }").put("engine", "interp")).status());
        readable(client.post("/api/debug", WebClient.body(id).put("action", "step").put("count", 100_001)), 400, "1..100000");
        WebClient.Answer run = client.post("/api/debug", WebClient.body(id).put("action", "run"));
        assertEquals(200, run.status(), run.text());
        assertEquals(100_000, run.body().get("steps").asLong());
        assertTrue(run.body().get("stopped").asText().contains("paused after 100000 steps"), run.text());
    }

    @Test void aLongRunPausesAtTheTimeLimitOfARequest() throws Exception {
        try (WebServer brief = WebServer.start("127.0.0.1", 0, WebLimits.defaults().withMaxRequestTime(Duration.ofMillis(300)))) {
            WebClient c = new WebClient(brief);
            String id = c.open();
            assertEquals(200, c.post("/api/compile", WebClient.body(id).put("source", "int main() { while (1) { } return 0; }").put("engine", "sparse")).status());
            WebClient.Answer a = c.post("/api/debug", WebClient.body(id).put("action", "run").put("matrix", false));
            assertEquals(200, a.status(), a.text());
            assertTrue(a.body().get("stopped").asText().startsWith("paused at the time limit of a request"), a.text());
            long steps = a.body().get("steps").asLong();
            assertTrue(steps > 0 && steps < 2_000_000, a.text());
            // the next request goes on from there
            WebClient.Answer b = c.post("/api/debug", WebClient.body(id).put("action", "step").put("count", 5).put("matrix", false));
            assertEquals(steps + 5, b.body().get("steps").asLong(), b.text());
        }
    }

    @Test void sessionsAreCappedAndClosingOneFreesIt() throws Exception {
        try (WebServer small = WebServer.start("127.0.0.1", 0, WebLimits.defaults().withMaxSessions(2))) {
            WebClient c = new WebClient(small);
            String first = c.open();
            c.open();
            readable(c.post("/api/session/open", WebClient.body(null)), 429, "too many sessions");
            assertTrue(c.post("/api/session/close", WebClient.body(first)).body().get("closed").asBoolean());
            readable(c.post("/api/compile", WebClient.body(first).put("source", FIB)), 404, "unknown session");
            c.open();
            assertEquals(2, small.sessions());
        }
    }

    @Test void idleSessionsExpire() throws Exception {
        try (WebServer quick = WebServer.start("127.0.0.1", 0, WebLimits.defaults().withIdleExpiry(Duration.ofMillis(200)))) {
            WebClient c = new WebClient(quick);
            String id = c.open();
            Thread.sleep(400); // longer than the expiry, so the sweep below must close it whenever the background one ran
            quick.sessionTable().expireIdle();
            assertEquals(0, quick.sessions());
            readable(c.post("/api/compile", WebClient.body(id).put("source", FIB)), 404, "unknown session");
        }
    }

    @Test void tabsDoNotInterfere() {
        String one = client.open(), two = client.open();
        assertEquals(200, client.post("/api/compile", WebClient.body(one).put("source", FIB).put("engine", "sparse")).status());
        assertEquals(200, client.post("/api/compile", WebClient.body(two).put("source", "int main() { return 42; }").put("engine", "interp")).status());
        for (int i = 0; i < 5; i++) {
            client.post("/api/debug", WebClient.body(one).put("action", "step").put("count", 3).put("matrix", false));
            client.post("/api/debug", WebClient.body(two).put("action", "step").put("matrix", false));
        }
        WebClient.Answer a = client.post("/api/debug", WebClient.body(one).put("action", "run").put("matrix", false));
        WebClient.Answer b = client.post("/api/debug", WebClient.body(two).put("action", "run").put("matrix", false));
        assertEquals(55, a.body().get("retval").asInt(), a.text());
        assertEquals("halted", a.body().get("status").asText());
        assertEquals(42, b.body().get("retval").asInt(), b.text());
    }

    @Test void aRunIsCancelled() throws Exception {
        String id = client.open();
        assertEquals(200, client.post("/api/compile", WebClient.body(id).put("source", "int main() { while (1) { } return 0; }").put("engine", "sparse")).status());
        CompletableFuture<WebClient.Answer> run = CompletableFuture.supplyAsync(
                () -> client.post("/api/debug", WebClient.body(id).put("action", "run").put("matrix", false)));
        Session s = server.sessionTable().peek(id);
        // the run holds the session's lock while it steps: cancel only once it does
        while (!s.lock.isLocked() && !run.isDone()) Thread.sleep(5);
        Thread.sleep(50);
        assertEquals(200, client.post("/api/cancel", WebClient.body(id)).status());
        WebClient.Answer a = run.get();
        assertEquals("cancelled", a.body().get("stopped").asText(), a.text());
        assertTrue(a.body().get("steps").asLong() < 100_000, a.text());
    }
}
