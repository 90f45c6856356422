package tc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tc run --target tc --machine seed --engine soft}: the soft seed machine runs the
 * {@code hello} console demo, the {@code upper} filter, the {@code sumarray} demand-paging demo
 * and a small framebuffer program as the
 * interpreter does (console, return value, steps, variables, counters, the screenshot's pixels),
 * in process and in a forked JVM with a 2 GB heap ({@code -Xmx2g}), where the Mandelbrot demo
 * runs too: its first {@code tc.soft.demoSteps} steps in CI, whole under {@code -Plong}.
 */
class SoftSeedCliTest {
    @TempDir Path tmp;
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String DRAW = "int main() { int i; for (i = 0; i < 40; i++) pixel(i, 2 * i + 1, 255, 3 * i, 7); return i; }\n";

    private Path demo(String name) throws IOException {
        try (InputStream in = SoftSeedCliTest.class.getResourceAsStream("/tc/demo/seed/" + name)) {
            Path p = tmp.resolve(name);
            Files.write(p, in.readAllBytes());
            return p;
        }
    }

    private static JsonNode json(Cli r) throws IOException {
        assertEquals(0, r.exit(), r.err());
        return JSON.readTree(r.out());
    }

    /** The fields both engines must agree on. */
    private static void assertSameRun(JsonNode interp, JsonNode soft) {
        for (String f : new String[] {"retval", "steps", "status", "variables", "console", "stats"})
            assertEquals(interp.get(f), soft.get(f), f);
        assertEquals("soft", soft.get("engine").asText());
    }

    @Test void softSeedMachineRunsTheDemosAsTheInterpreter() throws IOException {
        Path hello = demo("hello.c"), upper = demo("upper.c"), draw = tmp.resolve("draw.c"), input = tmp.resolve("in.txt");
        Files.writeString(draw, DRAW);
        Files.writeString(input, "Tensor computer!\n");
        String[] seed = {"--target", "tc", "--machine", "seed", "--json"};
        JsonNode hi = json(Cli.run(concat(new String[] {"run", hello.toString()}, seed)));
        JsonNode hiSoft = json(Cli.run(concat(new String[] {"run", hello.toString(), "--engine", "soft"}, seed)));
        assertSameRun(hi, hiSoft);
        assertEquals("hello, world\n", hiSoft.get("console").asText());
        assertTrue(hiSoft.get("stats").get("pageFaults").asLong() > 0, hiSoft.toString());
        JsonNode up = json(Cli.run(concat(new String[] {"run", upper.toString(), "--stdin", input.toString()}, seed)));
        JsonNode upSoft = json(Cli.run(concat(new String[] {"run", upper.toString(), "--stdin", input.toString(), "--engine", "soft"}, seed)));
        assertSameRun(up, upSoft);
        assertEquals("TENSOR COMPUTER!\n", upSoft.get("console").asText());
        Path sum = demo("sumarray.c"); // 16,384 words on 256: 2,050 page faults
        JsonNode paged = json(Cli.run(concat(new String[] {"run", sum.toString()}, seed)));
        JsonNode pagedSoft = json(Cli.run(concat(new String[] {"run", sum.toString(), "--engine", "soft"}, seed)));
        assertSameRun(paged, pagedSoft);
        assertTrue(pagedSoft.get("stats").get("pageFaults").asLong() > 2000, pagedSoft.get("stats").toString());
        Path a = tmp.resolve("interp.png"), b = tmp.resolve("soft.png");
        JsonNode px = json(Cli.run(concat(new String[] {"run", draw.toString(), "--screenshot", a.toString()}, seed)));
        JsonNode pxSoft = json(Cli.run(concat(new String[] {"run", draw.toString(), "--screenshot", b.toString(), "--engine", "soft"}, seed)));
        assertSameRun(px, pxSoft);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "screenshots");
    }

    /**
     * Steps of the Mandelbrot demo the 2 GB test runs (CI: a bounded prefix; {@code -Plong}: the
     * whole 19.9 million, about a minute on the soft machine).
     */
    static final long MANDELBROT_STEPS = Long.getLong("tc.soft.demoSteps", 200_000);

    @Test void softSeedMachineRunsInATwoGigabyteHeap() throws Exception {
        Path hello = demo("hello.c"), mandelbrot = demo("mandelbrot.c"), draw = tmp.resolve("draw.c");
        Files.writeString(draw, DRAW);
        for (Path program : new Path[] {hello, draw, mandelbrot}) {
            String steps = Long.toString(program == mandelbrot ? MANDELBROT_STEPS : 10_000_000L);
            Path png = tmp.resolve(program.getFileName() + ".png");
            String[] args = {"run", program.toString(), "--target", "tc", "--machine", "seed", "--engine", "soft", "--json",
                    "--max-steps", steps, "--screenshot", png.toString()};
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                    "-cp", System.getProperty("java.class.path"), "tc.cli.Main"));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectError(tmp.resolve("err.txt").toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(10, TimeUnit.MINUTES));
            Path ipng = tmp.resolve(program.getFileName() + ".interp.png");
            Cli interp = Cli.run("run", program.toString(), "--target", "tc", "--machine", "seed", "--json", "--max-steps", steps,
                    "--screenshot", ipng.toString());
            // a bounded Mandelbrot stops at the step limit on both engines (exit 1, status step_limit)
            assertEquals(interp.exit(), p.exitValue(), out + Files.readString(tmp.resolve("err.txt")));
            assertSameRun(JSON.readTree(interp.out()), JSON.readTree(out));
            assertArrayEquals(Files.readAllBytes(ipng), Files.readAllBytes(png), "screenshots");
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
