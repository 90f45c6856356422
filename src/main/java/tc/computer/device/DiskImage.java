package tc.computer.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * A disk backed by an image file ({@code --disk FILE}): a sparse file of exactly
 * {@code sectors × sectorWords × 4} bytes, words little-endian, created (all zero, sparse) when
 * missing, so what one run writes is there for the next.
 *
 * <p>Sector writes are atomic through a journal next to the image ({@code FILE.journal}): the new
 * sector goes to the journal with its number and a CRC-32, the journal is forced to the device,
 * then the sector is written in place and forced, then the journal is deleted. Opening an image
 * replays a complete journal (the crash came after it was written: the sector becomes the new one)
 * and discards a torn one (the crash came while writing it: the sector in place is still the old
 * one). So a crash or kill leaves every sector old or new, never a mix.
 *
 * <p>Bad images fail before anything is written: a file of another size, a directory, a file that
 * cannot be read and written → {@link DiskImageException} naming the file.
 */
public final class DiskImage implements Disk {
    private static final int MAGIC = 0x54434a31; // "TCJ1"
    private final Path file, journal;
    private final long sectors;
    private final int sectorWords;
    private final FileChannel channel;
    private final ByteBuffer sectorBytes;

    /** A bad disk image or journal; the message is one line naming the file. */
    public static final class DiskImageException extends IOException {
        public DiskImageException(String message) { super(message); }
    }

    private DiskImage(Path file, long sectors, int sectorWords, FileChannel channel) {
        this.file = file;
        this.journal = journalOf(file);
        this.sectors = sectors;
        this.sectorWords = sectorWords;
        this.channel = channel;
        this.sectorBytes = ByteBuffer.allocate(sectorWords * 4).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The journal file of an image: {@code FILE.journal} in the same folder. */
    public static Path journalOf(Path image) { return image.resolveSibling(image.getFileName() + ".journal"); }

    /**
     * Opens {@code file} as a disk of {@code diskBytes} bytes in sectors of {@code sectorWords}
     * words, creating it when missing (the folder must exist) and recovering its journal.
     */
    public static DiskImage open(Path file, long diskBytes, int sectorWords) throws IOException {
        long sectorBytes = 4L * sectorWords;
        if (sectorWords <= 0 || diskBytes <= 0 || diskBytes % sectorBytes != 0)
            throw new IllegalArgumentException("the disk must be a positive whole number of sectors");
        if (Files.isDirectory(file)) throw new DiskImageException("disk image " + file + " is a directory, not a disk image");
        boolean exists = Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.exists(file);
        if (exists) {
            if (!Files.isRegularFile(file)) throw new DiskImageException("disk image " + file + " is not a regular file");
            if (!Files.isReadable(file) || !Files.isWritable(file))
                throw new DiskImageException("disk image " + file + " cannot be read and written (check its permissions)");
            long size = Files.size(file);
            if (size != diskBytes)
                throw new DiskImageException("disk image " + file + " has " + size + " bytes, not " + diskBytes
                        + (size < diskBytes ? " (truncated, or not a disk image)" : " (not a disk image of this size)"));
        } else {
            Path dir = file.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir))
                throw new DiskImageException("cannot create disk image " + file + ": the folder " + dir + " does not exist");
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        } catch (IOException e) {
            throw new DiskImageException("cannot open disk image " + file + ": " + e.getMessage());
        }
        try {
            if (!exists) {
                // Writing the last byte makes a sparse file of the full size on file systems that support holes.
                ch.write(ByteBuffer.wrap(new byte[1]), diskBytes - 1);
                ch.force(true);
            }
            DiskImage d = new DiskImage(file, diskBytes / sectorBytes, sectorWords, ch);
            d.recover();
            return d;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Opens an image with the sizes of a seed configuration. */
    public static DiskImage open(Path file, tc.computer.isa.SeedConfig config) throws IOException {
        return open(file, config.diskBytes(), config.sectorWords());
    }

    public Path file() { return file; }
    @Override public long sectors() { return sectors; }
    @Override public int sectorWords() { return sectorWords; }

    @Override public synchronized void read(long sector, int[] into) throws IOException {
        check(sector);
        sectorBytes.clear();
        long pos = sector * sectorBytes.capacity();
        while (sectorBytes.hasRemaining()) {
            int n = channel.read(sectorBytes, pos + sectorBytes.position());
            if (n < 0) throw new DiskImageException("disk image " + file + " ended early at sector " + sector);
        }
        sectorBytes.flip();
        sectorBytes.asIntBuffer().get(into, 0, sectorWords);
    }

    @Override public synchronized void write(long sector, int[] from) throws IOException {
        check(sector);
        writeJournal(sector, from);
        writeInPlace(sector, from);
        Files.deleteIfExists(journal);
    }

    /** The first half of a write: the journal entry, forced. Package-private so tests can simulate a crash after it. */
    void writeJournal(long sector, int[] from) throws IOException {
        ByteBuffer j = ByteBuffer.allocate(16 + sectorWords * 4 + 8).order(ByteOrder.LITTLE_ENDIAN);
        j.putInt(MAGIC).putLong(sector).putInt(sectorWords);
        for (int k = 0; k < sectorWords; k++) j.putInt(from[k]);
        CRC32 crc = new CRC32();
        crc.update(j.array(), 0, j.position());
        j.putLong(crc.getValue());
        j.flip();
        try (FileChannel jc = FileChannel.open(journal, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (j.hasRemaining()) jc.write(j);
            jc.force(true);
        }
    }

    /** The second half of a write: the sector in place, forced. */
    void writeInPlace(long sector, int[] from) throws IOException {
        sectorBytes.clear();
        sectorBytes.asIntBuffer().put(from, 0, sectorWords);
        long pos = sector * sectorBytes.capacity();
        while (sectorBytes.hasRemaining()) channel.write(sectorBytes, pos + sectorBytes.position());
        channel.force(false);
    }

    /** Replays a complete journal entry, discards a torn one. */
    private void recover() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(journal);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new DiskImageException("cannot read the journal " + journal + " of disk image " + file + ": " + e.getMessage());
        }
        int expected = 16 + sectorWords * 4 + 8;
        ByteBuffer j = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length == expected && j.getInt(0) == MAGIC && j.getInt(12) == sectorWords) {
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, expected - 8);
            long sector = j.getLong(4);
            if (crc.getValue() == j.getLong(expected - 8) && sector >= 0 && sector < sectors) {
                int[] data = new int[sectorWords];
                j.position(16);
                for (int k = 0; k < sectorWords; k++) data[k] = j.getInt();
                writeInPlace(sector, data);
            }
        }
        Files.delete(journal);
    }

    private void check(long sector) {
        if (sector < 0 || sector >= sectors) throw new IndexOutOfBoundsException("sector " + sector + " of " + sectors);
    }

    @Override public void close() throws IOException { channel.close(); }
}
