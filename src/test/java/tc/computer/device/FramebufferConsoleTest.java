package tc.computer.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Framebuffer PNG round trip and errors; console, keyboard and bus. */
class FramebufferConsoleTest {
    @TempDir Path dir;

    @Test
    void pngRoundTrip() throws IOException {
        Framebuffer fb = new Framebuffer(640, 480);
        Random r = new Random(2);
        int[][] want = new int[480][640];
        for (int k = 0; k < 5000; k++) {
            int x = r.nextInt(640), y = r.nextInt(480), c = r.nextInt();
            fb.set(x, y, c);
            want[y][x] = c & 0xFFFFFF;
        }
        Path png = dir.resolve("shot.png");
        fb.writePng(png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(480, img.getHeight());
        for (int y = 0; y < 480; y++)
            for (int x = 0; x < 640; x++) assertEquals(want[y][x], img.getRGB(x, y) & 0xFFFFFF, "pixel " + x + "," + y);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void pngInAMissingFolderIsAClearErrorAndWritesNothing() {
        Framebuffer fb = new Framebuffer(4, 3);
        Path png = dir.resolve("nope").resolve("x.png");
        IOException e = assertThrows(IOException.class, () -> fb.writePng(png));
        assertEquals("cannot write " + png + ": the folder " + png.getParent() + " does not exist", e.getMessage());
        assertFalse(Files.exists(png.getParent()));
    }

    @Test
    void pixelsOutsideAreDeviceFaults() {
        Framebuffer fb = new Framebuffer(640, 480);
        assertEquals("pixel (640, 0) is outside the 640×480 framebuffer", assertThrows(DeviceException.class, () -> fb.set(640, 0, 1)).getMessage());
        assertEquals("pixel (0, -1) is outside the 640×480 framebuffer", assertThrows(DeviceException.class, () -> fb.get(0, -1)).getMessage());
        fb.set(639, 479, 0x123456);
        assertEquals(0x123456, fb.get(639, 479));
        byte[] b = fb.bytes();
        assertArrayEquals(new byte[] {0x12, 0x34, 0x56}, java.util.Arrays.copyOfRange(b, b.length - 3, b.length));
    }

    @Test
    void consoleReadsToMinusOneAndKeepsWhatItWrites() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Console c = new Console(new java.io.ByteArrayInputStream(new byte[] {'h', (byte) 0xFF}), out);
        assertEquals('h', c.read());
        assertEquals(255, c.read());
        assertEquals(-1, c.read());
        assertEquals(-1, c.read());
        c.write('o');
        c.write(0x100 + 'k');
        c.flush();
        assertEquals("ok", out.toString());
        assertEquals("ok", c.outputText());
    }

    @Test
    void keyboardQueueAndBusPriority() {
        Keyboard k = new Keyboard();
        assertEquals(-1, k.next());
        k.enqueueAll(5, 6);
        assertEquals(2, k.count());
        assertEquals(5, k.next());
        assertEquals(1, k.count());
        assertEquals(Bus.Master.DMA, Bus.arbitrate(true, true, true));
        assertEquals(Bus.Master.GPU, Bus.arbitrate(false, true, true));
        assertEquals(Bus.Master.CPU, Bus.arbitrate(false, false, true));
        assertEquals(null, Bus.arbitrate(false, false, false));
    }
}
