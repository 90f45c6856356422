package tc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tc demo NAME --target tc}: every seed-machine demo gives its stated result, checked here again independently where it can be. */
class SeedDemoTest {
    @TempDir Path tmp;

    private static Cli demo(String... args) {
        List<String> all = new ArrayList<>(List.of("demo"));
        all.addAll(List.of(args));
        all.addAll(List.of("--target", "tc"));
        Cli r = Cli.run(all.toArray(String[]::new));
        assertTrue(r.clean(), r.err());
        return r;
    }

    private static void correct(Cli r) {
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().endsWith("result: correct\n"), r.out());
    }

    @Test
    void theListNamesTheSixDemos() {
        Cli r = demo("--list");
        assertEquals(0, r.exit());
        for (String name : List.of("hello", "upper", "mandelbrot", "sumarray", "matmul", "diskfile"))
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(name + " ")), name + " in\n" + r.out());
        assertEquals(List.of("hello", "upper", "mandelbrot", "sumarray", "matmul", "diskfile"), SeedDemo.names());
    }

    @Test
    void hello() {
        Cli r = demo("hello");
        correct(r);
        assertTrue(r.out().contains("--- console ---\nhello, world\n---------------\n"), r.out());
    }

    @Test
    void upperFiltersItsSampleAndAFile() throws IOException {
        Cli sample = demo("upper");
        correct(sample);
        assertTrue(sample.out().contains("THE SEED MACHINE READS ITS CONSOLE ONE BYTE AT A TIME.\n"), sample.out());
        Path in = tmp.resolve("in.txt");
        Files.writeString(in, "Mixed Case, digits 123 and z!\nsecond line");
        Cli file = demo("upper", "--stdin", in.toString());
        correct(file);
        assertTrue(file.out().contains("--- console ---\nMIXED CASE, DIGITS 123 AND Z!\nSECOND LINE\n---------------"), file.out());
        assertTrue(file.out().contains("retval = 41\n"), file.out());
    }

    @Test
    void mandelbrotDrawsTheSetThatAJavaLoopComputes() throws IOException {
        Path shot = tmp.resolve("m.png");
        Cli r = demo("mandelbrot", "--screenshot", shot.toString());
        correct(r);
        BufferedImage img = ImageIO.read(shot.toFile());
        int inside = 0;
        for (int py = 0; py < 120; py++) {
            int ci = -4096 + py * 8192 / 120;
            for (int px = 0; px < 160; px++) {
                int cr = -8192 + px * 10240 / 160;
                int zr = 0, zi = 0, it = 0;
                while (it < 24) {
                    int zr2 = (zr * zr) >> 12, zi2 = (zi * zi) >> 12;
                    if (zr2 + zi2 > 16384) break;
                    zi = ((zr * zi) >> 11) + ci;
                    zr = zr2 - zi2 + cr;
                    it++;
                }
                int rgb = it == 24 ? 0 : (it * 10 & 255) << 16 | (it * 4 & 255) << 8 | (128 + it * 5 & 255);
                if (it == 24) inside++;
                for (int dy = 0; dy < 4; dy++)
                    for (int dx = 0; dx < 4; dx++)
                        assertEquals(rgb, img.getRGB(px * 4 + dx, py * 4 + dy) & 0xFFFFFF, "pixel of point " + px + ", " + py);
            }
        }
        assertTrue(r.out().contains("retval = " + inside + "\n"), r.out());
    }

    @Test
    void sumarrayPagesItsArrayThroughMainMemory() {
        Cli r = demo("sumarray", "--stats");
        correct(r);
        assertTrue(r.out().contains("retval = " + (16383L * 16384 / 2) + "\n"), r.out());
        Matcher m = Pattern.compile("page faults: ([\\d,]+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        long faults = Long.parseLong(m.group(1).replace(",", ""));
        // 1,024 pages of array, written then read, with 15 frames for user pages.
        assertTrue(faults >= 2 * 1024, "faults: " + faults);
    }

    @Test
    void matmulOnTheGpuEqualsTheLoopAndBothEqualJava() {
        Cli r = demo("matmul", "--stats");
        correct(r);
        int[] a = new int[1024], b = new int[1024];
        for (int i = 0; i < 1024; i++) {
            a[i] = (i * 7 + 3) % 19 - 9;
            b[i] = (i * 5 + 1) % 23 - 11;
        }
        int checksum = 0;
        for (int i = 0; i < 32; i++)
            for (int j = 0; j < 32; j++) {
                int s = 0;
                for (int k = 0; k < 32; k++) s += a[i * 32 + k] * b[k * 32 + j];
                checksum += s * (i * 32 + j + 1);
            }
        assertTrue(r.out().contains("outputs = [" + checksum + ", " + checksum + "]"), r.out());
        assertTrue(r.out().contains("GPU kernels: 1"), r.out());
        Matcher cpu = Pattern.compile("part: cpu loop: +([\\d,]+) steps").matcher(r.out());
        Matcher gpu = Pattern.compile("part: gpu: +([\\d,]+) steps").matcher(r.out());
        assertTrue(cpu.find() && gpu.find(), r.out());
        assertTrue(Long.parseLong(cpu.group(1).replace(",", "")) > 0 && Long.parseLong(gpu.group(1).replace(",", "")) > 0);
    }

    @Test
    void diskfileStartsFreshOnAnInMemoryDisk() {
        Cli r = demo("diskfile");
        correct(r);
        assertTrue(r.out().contains("--- console ---\nno file on the disk yet\nwrote the file (run 1)\n"), r.out());
    }

    /** The file survives the process: two JVMs, one image. */
    @Test
    void diskfilePersistsAcrossTwoProcesses() throws Exception {
        Path image = tmp.resolve("disk.img");
        String first = tcProcess("demo", "diskfile", "--target", "tc", "--disk", image.toString());
        assertTrue(first.contains("no file on the disk yet\nwrote the file (run 1)\n"), first);
        assertTrue(first.contains("result: correct"), first);
        assertEquals(64L << 20, Files.size(image));
        String second = tcProcess("demo", "diskfile", "--target", "tc", "--disk", image.toString());
        assertTrue(second.contains("read back: written by run 1\nwrote the file (run 2)\n"), second);
        assertTrue(second.contains("retval = 2\n") && second.contains("result: correct"), second);
        String third = tcProcess("run", resource("diskfile.c").toString(), "--target", "tc", "--machine", "seed", "--disk", image.toString());
        assertTrue(third.startsWith("read back: written by run 2\nwrote the file (run 3)\nretval = 3\n"), third);
    }

    private Path resource(String name) throws IOException {
        Path p = tmp.resolve(name);
        try (var in = SeedDemoTest.class.getResourceAsStream(SeedDemo.DIR + name)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    private static String tcProcess(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "tc.cli.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the process finished");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        return text;
    }

    @Test
    void theChecksCatchAWrongResult() {
        SeedDemo upper = SeedDemo.all().stream().filter(d -> d.name().equals("upper")).findFirst().orElseThrow();
        assertEquals(List.of(), upper.check(3, "ab\n", "AB\n", List.of()));
        assertEquals(2, upper.check(2, "ab\n", "Ab\n", List.of()).size());
        SeedDemo disk = SeedDemo.all().stream().filter(d -> d.name().equals("diskfile")).findFirst().orElseThrow();
        assertEquals(List.of(), disk.check(4, "", "read back: written by run 3\nwrote the file (run 4)\n", List.of()));
        assertFalse(disk.check(1, "", "read back: written by run 3\n", List.of()).isEmpty());
        SeedDemo matmul = SeedDemo.all().stream().filter(d -> d.name().equals("matmul")).findFirst().orElseThrow();
        assertFalse(matmul.check(0, "", "", List.of(1, 2)).isEmpty());
    }

    @Test
    void badDemoRequestsAreUsageErrors() {
        Cli unknown = demo("nosuch");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown seed-machine demo 'nosuch': choose one of hello, upper, mandelbrot, sumarray, matmul, diskfile"), unknown.err());
        Cli none = demo();
        assertEquals(2, none.exit());
        Cli soft = demo("hello", "--engine", "soft");
        assertEquals(2, soft.exit());
        Cli loomStats = Cli.run("demo", "bubblesort", "--stats");
        assertEquals(2, loomStats.exit());
        assertTrue(loomStats.err().contains("--stats applies only to --target tc"), loomStats.err());
    }
}
