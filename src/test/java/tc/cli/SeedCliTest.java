package tc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tc run FILE.c --target tc --machine seed} and its device options, good and bad. */
class SeedCliTest {
    @TempDir Path tmp;

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static final String HELLO = "int main() { putchar('h'); putchar('i'); putchar(10); return 7; }\n";

    @Test
    void consoleOutputGoesToStandardOutputBeforeTheSummary() throws IOException {
        Cli r = Cli.run("run", write("hi.c", HELLO).toString(), "--target", "tc", "--machine", "seed");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("hi\nretval = 7\n"), r.out());
        assertTrue(r.out().contains("tc seed, 16384 virtual words on 256 physical"), r.out());
        assertFalse(r.out().contains("stats:"), "no stats without --stats");
    }

    @Test
    void statsPrintEveryCounter() throws IOException {
        Cli r = Cli.run("run", write("hi.c", HELLO).toString(), "--target", "tc", "--machine", "seed", "--stats");
        assertEquals(0, r.exit(), r.err());
        for (String line : List.of("stats:", "  cache: ", " hits, ", "  TLB: ", "  page faults: ", "  disk: ", " sector reads, ",
                "  bus grants: cpu ", ", dma ", ", gpu ", "  GPU kernels: 0"))
            assertTrue(r.out().contains(line), line + " in\n" + r.out());
    }

    @Test
    void jsonHasTheStatsAndTheConsole() throws IOException {
        Cli r = Cli.run("run", write("hi.c", HELLO).toString(), "--target", "tc", "--machine", "seed", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals(7, o.get("retval").asInt());
        assertEquals("hi\n", o.get("console").asText());
        JsonNode s = o.get("stats");
        for (String k : List.of("cacheHits", "cacheMisses", "tlbHits", "tlbMisses", "pageFaults", "sectorReads", "sectorWrites", "gpuKernels"))
            assertTrue(s.has(k), k);
        assertTrue(s.get("pageFaults").asLong() > 0);
        assertTrue(s.get("busGrants").get("cpu").asLong() > 0);
        assertEquals("tc-seed", o.get("config").get("name").asText());
    }

    @Test
    void stdinFeedsGetchar() throws IOException {
        Path in = write("in.txt", "abc");
        Cli r = Cli.run("run", write("echo.c", "int main() { int n = 0; int c = getchar(); while (c != -1) { putchar(c - 32); n++; c = getchar(); } return n; }\n").toString(),
                "--target", "tc", "--machine", "seed", "--stdin", in.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("ABC\nretval = 3\n"), r.out());
    }

    private static final String KEYS = "int main() { int n = 0; int s = 0; int k = getkey(); while (k != -1) { output(k); n++; s = s + k; k = getkey(); } "
            + "return n * 1000 + s; }\n";

    @Test
    void keysFeedGetkey() throws IOException {
        Path keys = write("keys.txt", "  7 -3\n\t100  \n2147483647 ");
        Cli r = Cli.run("run", write("keys.c", KEYS).toString(), "--target", "tc", "--machine", "seed", "--keys", keys.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals(List.of(7, -3, 100, Integer.MAX_VALUE), new ObjectMapper().convertValue(o.get("outputs"), List.class));
        assertEquals(4 * 1000 + (7 - 3 + 100 + Integer.MAX_VALUE), o.get("retval").asInt());

        Cli none = Cli.run("run", write("keys.c", KEYS).toString(), "--target", "tc", "--machine", "seed");
        assertEquals(0, none.exit(), none.err());
        assertTrue(none.out().startsWith("retval = 0\n"), "without --keys the queue is empty: " + none.out());
        Cli empty = Cli.run("run", write("keys.c", KEYS).toString(), "--target", "tc", "--machine", "seed", "--keys", write("e.txt", " \n").toString());
        assertTrue(empty.out().startsWith("retval = 0\n"), empty.out());
    }

    @Test
    void aBadKeysFileIsOneErrorNamingTheFileAndTheToken() throws IOException {
        Path src = write("keys.c", KEYS);
        Path bad = write("bad.txt", "1 2\n3 x4 5");
        Cli r = Cli.run("run", src.toString(), "--target", "tc", "--machine", "seed", "--keys", bad.toString());
        assertEquals(1, r.exit());
        assertEquals("", r.out(), "the program did not run");
        assertEquals("tc: error: bad key event in " + bad + ": token 4, 'x4', is not an integer (the file holds whitespace-separated 32-bit integers)",
                r.err().strip());
        Path big = write("big.txt", "2147483648");
        Cli tooBig = Cli.run("run", src.toString(), "--target", "tc", "--machine", "seed", "--keys", big.toString());
        assertEquals(1, tooBig.exit());
        assertTrue(tooBig.err().startsWith("tc: error: bad key event in " + big + ": token 1, '2147483648', is not an integer"), tooBig.err());
        Path missing = tmp.resolve("missing.txt");
        Cli gone = Cli.run("run", src.toString(), "--target", "tc", "--machine", "seed", "--keys", missing.toString());
        assertEquals(1, gone.exit());
        assertEquals("tc: error: cannot read key events from " + missing + ": no such readable file", gone.err().strip());
        Cli dir = Cli.run("run", src.toString(), "--target", "tc", "--machine", "seed", "--keys", tmp.toString());
        assertEquals("tc: error: cannot read key events from " + tmp + ": it is a directory", dir.err().strip());
        assertTrue(r.clean() && tooBig.clean() && gone.clean() && dir.clean());

        Cli cpu = Cli.run("run", src.toString(), "--target", "tc", "--keys", bad.toString());
        assertEquals(2, cpu.exit());
        assertTrue(cpu.err().contains("--keys needs the seed machine's devices: add --machine seed"), cpu.err());
        Cli cpuBuiltin = Cli.run("run", src.toString(), "--target", "tc");
        assertEquals(1, cpuBuiltin.exit());
        assertTrue(cpuBuiltin.err().contains("keys.c:1:44: error: getkey needs the Tensor Computer's seed machine: use --machine seed"), cpuBuiltin.err());
    }

    @Test
    void screenshotAndFramesArePngsOfTheFramebuffer() throws IOException {
        Path src = write("draw.c", "int main() { int i; for (i = 0; i < 100; i++) pixel(i, 2 * i, 255, i, 0); return 0; }\n");
        Path shot = tmp.resolve("shot.png");
        Path frames = Files.createDirectory(tmp.resolve("frames"));
        Cli r = Cli.run("run", src.toString(), "--target", "tc", "--machine", "seed", "--screenshot", shot.toString(),
                "--frames", frames.toString(), "--frame-every", "500");
        assertEquals(0, r.exit(), r.err());
        BufferedImage img = ImageIO.read(shot.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(480, img.getHeight());
        assertEquals(0xFF0000 | 42 << 8, img.getRGB(42, 84) & 0xFFFFFF);
        assertEquals(0, img.getRGB(42, 85) & 0xFFFFFF);
        List<Path> written;
        try (Stream<Path> s = Files.list(frames)) {
            written = s.sorted().toList();
        }
        assertTrue(written.size() >= 2, "frames: " + written);
        assertEquals("frame-000000.png", written.get(0).getFileName().toString());
        // the last frame is the final picture
        BufferedImage last = ImageIO.read(written.get(written.size() - 1).toFile());
        assertEquals(img.getRGB(99, 198), last.getRGB(99, 198));
        assertTrue(r.out().contains("frames = " + written.size() + " written to"), r.out());
    }

    @Test
    void seedOptionsNeedTheSeedMachine() throws IOException {
        Path src = write("hi.c", HELLO);
        Cli cpu = Cli.run("run", src.toString(), "--target", "tc", "--disk", tmp.resolve("d.img").toString());
        assertEquals(2, cpu.exit());
        assertTrue(cpu.err().contains("--disk needs the seed machine's devices: add --machine seed"), cpu.err());
        Cli loom = Cli.run("run", src.toString(), "--stats");
        assertEquals(2, loom.exit());
        assertTrue(loom.err().contains("--stats applies only to --target tc --machine seed"), loom.err());
        Cli machine = Cli.run("run", src.toString(), "--machine", "seed");
        assertEquals(2, machine.exit());
        assertTrue(machine.err().contains("--machine applies only to --target tc"), machine.err());
        Cli softDisk = Cli.run("run", src.toString(), "--target", "tc", "--machine", "seed", "--engine", "soft", "--disk", tmp.resolve("d.img").toString());
        assertEquals(2, softDisk.exit());
        assertTrue(softDisk.err().contains("--disk is not available with --engine soft"), softDisk.err());
        Cli dense = Cli.run("run", src.toString(), "--target", "tc", "--machine", "seed", "--engine", "dense");
        assertEquals(2, dense.exit());
        assertTrue(dense.err().contains("--machine seed runs on --engine interp or soft, got 'dense'"), dense.err());
        Cli every = Cli.run("run", src.toString(), "--target", "tc", "--machine", "seed", "--frame-every", "10");
        assertEquals(2, every.exit());
        assertTrue(every.err().contains("--frame-every needs --frames DIR"), every.err());
        Cli bad = Cli.run("run", src.toString(), "--target", "tc", "--machine", "disk");
        assertEquals(2, bad.exit());
        assertFalse(Files.exists(tmp.resolve("d.img")), "nothing created by a refused run");
    }

    @Test
    void theCpuMachineRefusesDeviceBuiltinsWithAPosition() throws IOException {
        Cli r = Cli.run("run", write("hi.c", HELLO).toString(), "--target", "tc");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("hi.c:1:14: error: putchar needs the Tensor Computer's seed machine: use --machine seed"), r.err());
        Cli loom = Cli.run("run", write("hi.c", HELLO).toString());
        assertEquals(1, loom.exit());
        assertTrue(loom.err().contains("hi.c:1:14: error: putchar needs the Tensor Computer's seed machine: compile with --target tc --machine seed"), loom.err());
        assertTrue(r.clean() && loom.clean());
    }

    @Test
    void aScreenshotInAMissingFolderFailsBeforeTheRun() throws IOException {
        Path shot = tmp.resolve("missing").resolve("x.png");
        Cli r = Cli.run("run", write("hi.c", HELLO).toString(), "--target", "tc", "--machine", "seed", "--screenshot", shot.toString());
        assertEquals(1, r.exit());
        assertEquals("", r.out(), "the program did not run");
        assertTrue(r.err().startsWith("tc: error: cannot write the screenshot " + shot + ": the folder "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(shot.getParent()));
    }

    @Test
    void aDiskImageThatIsNotOneIsOneErrorAndStaysAsItWas() throws IOException {
        Path small = tmp.resolve("small.img");
        byte[] bytes = new byte[5000];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) i;
        Files.write(small, bytes);
        Path src = write("hi.c", HELLO);
        Cli r = Cli.run("run", src.toString(), "--target", "tc", "--machine", "seed", "--disk", small.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("tc: error: disk image " + small), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertArrayEquals(bytes, Files.readAllBytes(small), "the file is untouched");
        Cli dir = Cli.run("run", src.toString(), "--target", "tc", "--machine", "seed", "--disk", tmp.toString());
        assertEquals(1, dir.exit());
        assertTrue(dir.err().startsWith("tc: error: disk image " + tmp), dir.err());
        assertTrue(r.clean() && dir.clean());
        // a demo prints nothing of its run before the image is known to be good
        Cli demo = Cli.run("demo", "diskfile", "--target", "tc", "--disk", small.toString());
        assertEquals(1, demo.exit());
        assertEquals("", demo.out(), "no demo header for a run that does not happen");
        assertTrue(demo.err().startsWith("tc: error: disk image " + small), demo.err());
        assertArrayEquals(bytes, Files.readAllBytes(small), "the file is untouched by the demo too");
    }

    @Test
    void outOfRangePixelsAndSectorsStopTheRunWithOneLine() throws IOException {
        Cli pixel = Cli.run("run", write("p.c", "int main() {\n  int y = 480;\n  pixel(5, y, 1, 2, 3);\n  return 0;\n}\n").toString(),
                "--target", "tc", "--machine", "seed");
        assertEquals(1, pixel.exit());
        assertTrue(pixel.out().contains("status = fault: pixel (5, 480) is outside the 640×480 framebuffer (step "), pixel.out());
        assertTrue(pixel.out().contains(", line 3)"), pixel.out());
        Cli sector = Cli.run("run", write("s.c", "int buf[1024];\nint main() {\n  sector_read(100000, buf);\n  return 0;\n}\n").toString(),
                "--target", "tc", "--machine", "seed", "--json");
        assertEquals(1, sector.exit());
        JsonNode o = new ObjectMapper().readTree(sector.out());
        assertEquals("fault", o.get("status").asText());
        assertEquals("device_fault", o.get("fault").get("kind").asText());
        assertTrue(o.get("fault").get("message").asText().startsWith("sector 100000 is outside the disk"), o.toString());
        assertEquals(3, o.get("fault").get("line").asInt());
        assertTrue(pixel.clean() && sector.clean());
    }

    @Test
    void theStepLimitSuggestsMaxSteps() throws IOException {
        Cli r = Cli.run("run", write("loop.c", "int main() { int i = 0; while (1) i++; return i; }\n").toString(),
                "--target", "tc", "--machine", "seed", "--max-steps", "500");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("status = step limit reached: give a larger --max-steps to run longer"), r.out());
    }

    @Test
    void compileListsTheSeedProgram() throws IOException {
        Cli r = Cli.run("compile", write("hi.c", HELLO).toString(), "--target", "tc", "--machine", "seed");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("$page_fault:"), "the handler is in the listing");
        assertTrue(r.err().contains("virtual memory words (seed machine, page-fault handler included)"), r.err());
    }
}
