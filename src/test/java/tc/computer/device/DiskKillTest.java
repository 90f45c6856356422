package tc.computer.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second JVM writes whole sectors (every word the same generation number) in a loop and is
 * killed with SIGKILL; reopening the image must find every sector uniform (old or new, never a
 * mix) and the journal gone. Repeated a few times, each on the image the last kill left.
 */
class DiskKillTest {
    static final int SW = 1024;
    static final int SECTORS = 8;
    static final long BYTES = (long) SECTORS * SW * 4;

    /** The child: {@code DiskKillTest$Writer IMAGE START}, writes forever, says "ready" after its first write. */
    public static final class Writer {
        public static void main(String[] args) throws IOException {
            Path image = Path.of(args[0]);
            int gen = Integer.parseInt(args[1]);
            try (DiskImage d = DiskImage.open(image, BYTES, SW)) {
                int[] data = new int[SW];
                for (long k = 0; ; k++) {
                    java.util.Arrays.fill(data, gen++);
                    d.write(k % SECTORS, data);
                    if (k == 0) {
                        System.out.println("ready");
                        System.out.flush();
                    }
                }
            }
        }
    }

    @TempDir Path dir;

    @Test
    void killedWriterLeavesEverySectorOldOrNew() throws Exception {
        Path image = dir.resolve("kill.img");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int round = 0; round < 3; round++) {
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Writer.class.getName(),
                    image.toString(), String.valueOf(1 + round * 1_000_000)).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                assertEquals("ready", r.readLine(), "the writer started");
                Thread.sleep(150 + 100L * round);
                p.destroyForcibly();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            }
            assertEquals(BYTES, Files.size(image));
            try (DiskImage d = DiskImage.open(image, BYTES, SW)) {
                int[] s = new int[SW];
                for (int k = 0; k < SECTORS; k++) {
                    d.read(k, s);
                    for (int w = 1; w < SW; w++) assertEquals(s[0], s[w], "round " + round + ": sector " + k + " is a mix at word " + w);
                }
                d.read(0, s);
                assertTrue(s[0] >= 1 + round * 1_000_000, "round " + round + ": sector 0 holds this round's first write or later");
            }
            assertFalse(Files.exists(DiskImage.journalOf(image)));
        }
        assertTrue(new File(image.toString()).isFile());
    }
}
