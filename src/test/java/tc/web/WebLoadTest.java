package tc.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tc.loom.backend.CompileOptions;
import tc.loom.interp.IsaMachine;
import tc.loom.isa.Program;

/**
 * The load test of tc serve, on the loopback only: 50 concurrent sessions (tabs) compile programs
 * and step them on transformer engines with random step counts for {@code tc.web.loadSeconds}
 * seconds (10 in CI, 30 with -Plong); every answer is checked against the interpreter stepped as
 * far (PC, steps, status and every variable), and the test reports requests/s and the latency
 * percentiles (stdout and target/web-load.txt). It asserts correctness only, never a speed.
 */
class WebLoadTest {
    private static final int SESSIONS = 50;
    private static final List<String> PROGRAMS = List.of(
            DebuggerApiTest.FIB,
            "int main() { int s = 0; for (int i = 1; i <= 20; i++) s = s + i; return s; }",
            "int a[6] = {5, -3, 9, 0, 2, 7};\nint main() { for (int i = 0; i < 6; i++) for (int j = 0; j + 1 < 6 - i; j++) if (a[j] > a[j + 1]) { int t = a[j]; a[j] = a[j + 1]; a[j + 1] = t; } return a[0]; }",
            "int gcd(int x, int y) { while (y != 0) { int t = x % y; x = y; y = t; } return x; }\nint main() { return gcd(84, 36); }");
    private static final List<String> ENGINES = List.of("sparse", "fast");

    @Test void fiftySessionsSteppingAgreeWithTheInterpreter() throws Exception {
        long seconds = Long.getLong("tc.web.loadSeconds", 10);
        List<Program> programs = PROGRAMS.stream().map(s -> CompiledProgram.compile("main.c", s, CompileOptions.defaults()).program()).toList();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicLong checked = new AtomicLong(), halts = new AtomicLong();
        try (WebServer server = WebServer.start("127.0.0.1", 0, WebLimits.defaults())) {
            WebClient client = new WebClient(server);
            CountDownLatch ready = new CountDownLatch(SESSIONS), go = new CountDownLatch(1), done = new CountDownLatch(SESSIONS);
            long[] window = new long[2];
            List<Thread> threads = new ArrayList<>();
            for (int k = 0; k < SESSIONS; k++) {
                int session = k;
                threads.add(Thread.ofPlatform().name("load-" + k).start(() -> {
                    try {
                        SplittableRandom rng = new SplittableRandom(1000 + session);
                        int which = session % programs.size();
                        String id;
                        try {
                            id = client.open();
                            WebClient.Answer c = client.post("/api/compile", WebClient.body(id).put("source", PROGRAMS.get(which))
                                    .put("engine", ENGINES.get(session % ENGINES.size())));
                            if (c.status() != 200) wrong.add("session " + session + ": compile answered " + c.status() + " " + c.error());
                        } finally {
                            ready.countDown();
                        }
                        go.await();  // the window starts when every session has compiled
                        IsaMachine reference = new IsaMachine(programs.get(which));
                        while (System.nanoTime() < window[1]) {
                            boolean reset = !reference.running();
                            int count = 1 + rng.nextInt(24);
                            var body = WebClient.body(id).put("matrix", false);
                            if (reset) body.put("action", "reset");
                            else body.put("action", "step").put("count", count);
                            long t0 = System.nanoTime();
                            WebClient.Answer a = client.post("/api/debug", body);
                            latencies.add(System.nanoTime() - t0);
                            if (reset) {
                                reference = new IsaMachine(programs.get(which));
                                halts.incrementAndGet();
                            } else {
                                for (int i = 0; i < count && reference.running(); i++) reference.step();
                            }
                            String problem = a.status() != 200 ? "answered " + a.status() + " " + a.error() : differs(a.body(), reference);
                            if (problem != null) wrong.add("session " + session + " (" + ENGINES.get(session % ENGINES.size()) + "): " + problem);
                            checked.incrementAndGet();
                        }
                    } catch (Exception | AssertionError e) {
                        wrong.add("session " + session + ": " + e);
                    } finally {
                        done.countDown();
                    }
                }));
            }
            ready.await();
            window[0] = System.nanoTime();
            window[1] = window[0] + seconds * 1_000_000_000L;
            go.countDown();
            done.await();
            for (Thread t : threads) t.join();
            double elapsed = (System.nanoTime() - window[0]) / 1e9;
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            String report = String.format(Locale.ROOT,
                    "tc serve load test: %d sessions, %d s, %d requests checked against the interpreter (%d restarts after HALT), %d wrong%n"
                    + "  %.1f requests/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    SESSIONS, seconds, checked.get(), halts.get(), wrong.size(), checked.get() / elapsed,
                    percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100));
            System.out.print(report);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "web-load.txt"), report, StandardCharsets.UTF_8);
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " wrong results, the first: " + wrong.stream().limit(5).toList());
        assertTrue(checked.get() >= SESSIONS, "every session made at least one checked request: " + checked.get());
    }

    /** Null when the answer shows the interpreter's state, else what differs. */
    private static String differs(JsonNode v, IsaMachine m) {
        if (v.get("pc").asInt() != m.pc()) return "pc " + v.get("pc") + ", interpreter " + m.pc();
        if (v.get("steps").asLong() != m.steps()) return "steps " + v.get("steps") + ", interpreter " + m.steps();
        boolean halted = "halted".equals(v.get("status").asText());
        if (halted != m.halted()) return "status " + v.get("status") + ", interpreter halted " + m.halted();
        for (JsonNode var : v.get("variables")) {
            int index = var.get("index").asInt();
            JsonNode values = var.get("values");
            for (int i = 0; i < values.size(); i++)
                if (values.get(i).asInt() != m.cell(index + i))
                    return var.get("name").asText() + "[" + i + "] = " + values.get(i) + ", interpreter " + m.cell(index + i);
        }
        if (m.halted() && v.get("retval").asInt() != m.cell(m.program().debug().retvalIndex())) return "retval " + v.get("retval");
        return null;
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return Double.NaN;
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }

}
