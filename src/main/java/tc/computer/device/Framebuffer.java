package tc.computer.device;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * The display: {@code width × height} pixels of three bytes (R, G, B), all black at the start.
 * The program draws through {@code FB_X}, {@code FB_Y} and {@code FB_RGB}; the host saves it as a
 * PNG.
 */
public final class Framebuffer {
    private final int width, height;
    private final byte[] rgb;

    public Framebuffer(int width, int height) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("framebuffer sizes must be positive: " + width + "x" + height);
        this.width = width;
        this.height = height;
        this.rgb = new byte[Math.multiplyExact(Math.multiplyExact(width, height), 3)];
    }

    public int width() { return width; }
    public int height() { return height; }

    /** Sets pixel (x, y) to {@code 0xRRGGBB} (higher bits ignored); outside → {@link DeviceException}. */
    public void set(int x, int y, int color) {
        int i = index(x, y);
        rgb[i] = (byte) (color >>> 16);
        rgb[i + 1] = (byte) (color >>> 8);
        rgb[i + 2] = (byte) color;
    }

    /** Pixel (x, y) as {@code 0xRRGGBB}; outside → {@link DeviceException}. */
    public int get(int x, int y) {
        int i = index(x, y);
        return (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | rgb[i + 2] & 0xFF;
    }

    private int index(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height)
            throw new DeviceException("pixel (" + x + ", " + y + ") is outside the " + width + "×" + height + " framebuffer");
        return (y * width + x) * 3;
    }

    /** A copy of the pixels, row-major, three bytes each. */
    public byte[] bytes() { return rgb.clone(); }

    /** The picture as an image (for PNG output and tests). */
    public BufferedImage image() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++) img.setRGB(x, y, get(x, y));
        return img;
    }

    /**
     * Writes the picture as a PNG. The file appears whole or not at all: the PNG goes to a
     * temporary file in the same folder, which is then moved over {@code file}.
     *
     * @throws IOException with a one-line message naming the file when the folder is missing or
     *                     the file cannot be written (nothing is left behind)
     */
    public void writePng(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir))
            throw new IOException("cannot write " + file + ": the folder " + (dir == null ? "?" : dir) + " does not exist");
        if (Files.isDirectory(abs)) throw new IOException("cannot write " + file + ": it is a directory");
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        try {
            if (!ImageIO.write(image(), "png", tmp.toFile())) throw new IOException("no PNG writer available");
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
