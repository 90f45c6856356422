package tc.computer.device;

import java.io.Closeable;
import java.io.IOException;

/**
 * A disk of fixed-size sectors of 32-bit words. A sector write is atomic: after a crash the
 * sector holds the old or the new contents, never a mix.
 */
public interface Disk extends Closeable {
    /** Sectors on the disk. */
    long sectors();

    /** Words per sector. */
    int sectorWords();

    /** Copies sector {@code sector} into {@code into} (length {@link #sectorWords()}). */
    void read(long sector, int[] into) throws IOException;

    /** Replaces sector {@code sector} with {@code from} (length {@link #sectorWords()}), atomically. */
    void write(long sector, int[] from) throws IOException;

    @Override default void close() throws IOException {}
}
