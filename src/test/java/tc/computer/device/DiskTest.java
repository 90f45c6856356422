package tc.computer.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tc.computer.isa.SeedConfig;

/**
 * The disk image (persistence, journal recovery, bad images) and the disk controller (against a
 * naive model that copies every sector, volatile swap, ranges).
 */
class DiskTest {
    static final int SW = 16;
    static final long BYTES = 64L * SW * 4; // 64 sectors

    @TempDir Path dir;

    private static int[] sector(int seed) {
        int[] s = new int[SW];
        for (int i = 0; i < SW; i++) s[i] = seed * 1000 + i;
        return s;
    }

    @Test
    void writesSurviveAReopenAndTheImageIsSparseAndExact() throws IOException {
        Path f = dir.resolve("disk.img");
        try (DiskImage d = DiskImage.open(f, BYTES, SW)) {
            assertEquals(64, d.sectors());
            d.write(5, sector(5));
            d.write(63, sector(63));
        }
        assertEquals(BYTES, Files.size(f));
        assertFalse(Files.exists(DiskImage.journalOf(f)), "no journal left after clean writes");
        try (DiskImage d = DiskImage.open(f, BYTES, SW)) {
            int[] got = new int[SW];
            d.read(5, got);
            assertArrayEquals(sector(5), got);
            d.read(63, got);
            assertArrayEquals(sector(63), got);
            d.read(6, got);
            assertArrayEquals(new int[SW], got);
        }
    }

    @Test
    void seedSizedImageIsCreatedSparse() throws IOException {
        Path f = dir.resolve("seed.img");
        try (DiskImage d = DiskImage.open(f, SeedConfig.SEED)) {
            assertEquals(16_384, d.sectors());
        }
        assertEquals(64L << 20, Files.size(f));
    }

    @Test
    void crashAfterTheJournalGivesTheNewSector() throws IOException {
        Path f = dir.resolve("disk.img");
        try (DiskImage d = DiskImage.open(f, BYTES, SW)) {
            d.write(3, sector(1));
            d.writeJournal(3, sector(2)); // the process dies here: the in-place write never happens
        }
        assertTrue(Files.exists(DiskImage.journalOf(f)));
        try (DiskImage d = DiskImage.open(f, BYTES, SW)) {
            int[] got = new int[SW];
            d.read(3, got);
            assertArrayEquals(sector(2), got, "the complete journal is replayed");
        }
        assertFalse(Files.exists(DiskImage.journalOf(f)));
    }

    @Test
    void crashInTheMiddleOfTheInPlaceWriteGivesTheNewSector() throws IOException {
        Path f = dir.resolve("disk.img");
        try (DiskImage d = DiskImage.open(f, BYTES, SW)) {
            d.write(7, sector(1));
            d.writeJournal(7, sector(2));
        }
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) { // half of the new sector in place
            raf.seek(7L * SW * 4);
            for (int i = 0; i < SW / 2; i++) raf.write(new byte[] {(byte) (2000 + i), (byte) ((2000 + i) >> 8), 0, 0});
        }
        try (DiskImage d = DiskImage.open(f, BYTES, SW)) {
            int[] got = new int[SW];
            d.read(7, got);
            assertArrayEquals(sector(2), got);
        }
    }

    @Test
    void tornJournalIsDiscardedAndTheOldSectorStays() throws IOException {
        Path f = dir.resolve("disk.img");
        try (DiskImage d = DiskImage.open(f, BYTES, SW)) {
            d.write(9, sector(1));
            d.writeJournal(9, sector(2));
        }
        Path j = DiskImage.journalOf(f);
        byte[] whole = Files.readAllBytes(j);
        for (int cut : new int[] {0, 3, 20, whole.length - 1}) {
            Files.write(j, Arrays.copyOf(whole, cut)); // the crash came while the journal was written
            try (DiskImage d = DiskImage.open(f, BYTES, SW)) {
                int[] got = new int[SW];
                d.read(9, got);
                assertArrayEquals(sector(1), got, "cut at " + cut);
            }
            assertFalse(Files.exists(j));
        }
        byte[] flipped = whole.clone();
        flipped[30] ^= 1; // a corrupt entry fails its CRC
        Files.write(j, flipped);
        try (DiskImage d = DiskImage.open(f, BYTES, SW)) {
            int[] got = new int[SW];
            d.read(9, got);
            assertArrayEquals(sector(1), got);
        }
    }

    @Test
    void badImagesAreRefusedWithOneLineNamingTheFileAndNothingWritten() throws IOException {
        Path small = dir.resolve("small.img");
        Files.write(small, new byte[100]);
        var e = assertThrows(DiskImage.DiskImageException.class, () -> DiskImage.open(small, BYTES, SW));
        assertEquals("disk image " + small + " has 100 bytes, not 4096 (truncated, or not a disk image)", e.getMessage());
        assertEquals(100, Files.size(small));

        Path big = dir.resolve("big.img");
        Files.write(big, new byte[5000]);
        e = assertThrows(DiskImage.DiskImageException.class, () -> DiskImage.open(big, BYTES, SW));
        assertTrue(e.getMessage().startsWith("disk image " + big + " has 5000 bytes, not 4096"), e.getMessage());
        assertEquals(5000, Files.size(big));

        Path folder = Files.createDirectory(dir.resolve("folder.img"));
        e = assertThrows(DiskImage.DiskImageException.class, () -> DiskImage.open(folder, BYTES, SW));
        assertEquals("disk image " + folder + " is a directory, not a disk image", e.getMessage());

        Path nowhere = dir.resolve("missing").resolve("d.img");
        e = assertThrows(DiskImage.DiskImageException.class, () -> DiskImage.open(nowhere, BYTES, SW));
        assertTrue(e.getMessage().startsWith("cannot create disk image " + nowhere), e.getMessage());
        assertFalse(Files.exists(nowhere.getParent()));
        assertFalse(e.getMessage().contains("\n"));
    }

    /**
     * The controller against a model that copies whole sectors on every command (no sharing),
     * the swap commands included: SWAP_OUT into the sector the buffer was READ from must leave the
     * buffer as it was.
     */
    @Test
    void controllerEqualsANaiveModel() {
        Random r = new Random(21);
        long sectors = 12, firstSwap = 8;
        InMemoryDisk disk = new InMemoryDisk(sectors, SW);
        DiskController c = new DiskController(disk, new Bus());
        c.setSwap(firstSwap);
        int[] seedWords = new int[40];
        for (int i = 0; i < seedWords.length; i++) seedWords[i] = 7 * i + 1;
        c.writeSwapWords(3, seedWords);
        int[][] model = new int[(int) sectors][SW];
        for (int i = 0; i < seedWords.length; i++) model[(int) firstSwap + (3 + i) / SW][(3 + i) % SW] = seedWords[i];
        int[] buffer = new int[SW];
        int[] memWords = new int[64];
        int[] memModel = new int[64];
        DmaTarget mem = new DmaTarget() {
            public int physicalWords() { return memWords.length; }
            public int dmaRead(int pa) { return memWords[pa]; }
            public void dmaWrite(int pa, int v) { memWords[pa] = v; }
        };
        for (int step = 0; step < 5000; step++) {
            int what = r.nextInt(8);
            int s = r.nextInt((int) sectors);
            if (what == 0) {
                c.setSector(s);
                c.command(Mmio.DISK_READ, true, mem);
                buffer = model[s].clone();
            } else if (what == 1) {
                c.setSector(s);
                c.command(Mmio.DISK_WRITE, true, mem);
                model[s] = buffer.clone();
            } else if (what == 2 || what == 3) {
                int off = r.nextInt(SW), count = r.nextInt(SW - off + 1), addr = r.nextInt(64 - count + 1);
                c.setOffset(off);
                c.setCount(count);
                c.setAddr(addr);
                if (what == 2) {
                    c.command(Mmio.DISK_DMA_IN, true, mem);
                    System.arraycopy(buffer, off, memModel, addr, count);
                } else {
                    c.command(Mmio.DISK_DMA_OUT, true, mem);
                    System.arraycopy(memModel, addr, buffer, off, count);
                }
            } else if (what == 6 || what == 7) {
                int sw = (int) firstSwap + r.nextInt((int) (sectors - firstSwap));
                int off = r.nextInt(SW), count = r.nextInt(SW - off + 1), addr = r.nextInt(64 - count + 1);
                c.setSector(sw);
                c.setOffset(off);
                c.setCount(count);
                c.setAddr(addr);
                if (what == 6) {
                    c.command(Mmio.DISK_SWAP_IN, true, mem);
                    System.arraycopy(model[sw], off, memModel, addr, count);
                } else {
                    c.command(Mmio.DISK_SWAP_OUT, true, mem);
                    System.arraycopy(memModel, addr, model[sw], off, count);
                }
            } else if (what == 4) {
                int i = r.nextInt(SW), v = r.nextInt();
                c.setBufferWord(i, v);
                buffer[i] = v;
            } else {
                int i = r.nextInt(64), v = r.nextInt(100);
                memWords[i] = v;
                memModel[i] = v;
            }
            for (int i = 0; i < SW; i++) assertEquals(buffer[i], c.bufferWord(i), "buffer word " + i + " at step " + step);
            assertArrayEquals(memModel, memWords);
            for (long w = 0; w < (sectors - firstSwap) * SW; w++)
                assertEquals(model[(int) (firstSwap + w / SW)][(int) (w % SW)], c.swapWord(w), "swap word " + w + " at step " + step);
        }
        int[] got = new int[SW];
        for (int s = 0; s < firstSwap; s++) {
            disk.read(s, got);
            assertArrayEquals(model[s], got, "user sector " + s);
        }
        for (long s = firstSwap; s < sectors; s++) {
            disk.read(s, got);
            assertArrayEquals(new int[SW], got, "swap never reaches the disk");
        }
    }

    @Test
    void controllerRangesAndCommands() {
        DiskController c = new DiskController(new InMemoryDisk(10, SW), new Bus());
        c.setSwap(8);
        DmaTarget mem = new DmaTarget() {
            public int physicalWords() { return 32; }
            public int dmaRead(int pa) { return 0; }
            public void dmaWrite(int pa, int v) { }
        };
        c.setSector(8);
        assertEquals("sector 8 is outside the disk (0..7)", assertThrows(DeviceException.class, () -> c.command(Mmio.DISK_READ, false, mem)).getMessage());
        c.command(Mmio.DISK_READ, true, mem); // kernel mode reaches swap
        c.setSector(10);
        assertEquals("sector 10 is outside the disk (0..9)", assertThrows(DeviceException.class, () -> c.command(Mmio.DISK_WRITE, true, mem)).getMessage());
        c.setSector(-1);
        assertThrows(DeviceException.class, () -> c.command(Mmio.DISK_READ, true, mem));
        assertEquals("unknown disk command 9 (1 READ, 2 WRITE, 3 DMA_IN, 4 DMA_OUT, 5 SWAP_IN, 6 SWAP_OUT)",
                assertThrows(DeviceException.class, () -> c.command(9, true, mem)).getMessage());
        c.setOffset(10);
        c.setCount(7);
        c.setAddr(0);
        assertEquals("DMA of 7 words at buffer offset 10 is outside the sector buffer (0..15)", assertThrows(DeviceException.class, () -> c.command(Mmio.DISK_DMA_IN, true, mem)).getMessage());
        c.setOffset(0);
        c.setAddr(30);
        assertEquals("DMA of 7 words at memory address 30 is outside main memory (0..31)", assertThrows(DeviceException.class, () -> c.command(Mmio.DISK_DMA_OUT, true, mem)).getMessage());
        assertEquals(1, c.sectorReads());
        assertEquals(0, c.sectorWrites());
    }

    @Test
    void swapCommandsAreForTheKernelAndTheSwapAreaOnly() {
        DiskController c = new DiskController(new InMemoryDisk(10, SW), new Bus());
        c.setSwap(8);
        int[] words = new int[32];
        DmaTarget mem = new DmaTarget() {
            public int physicalWords() { return words.length; }
            public int dmaRead(int pa) { return words[pa]; }
            public void dmaWrite(int pa, int v) { words[pa] = v; }
        };
        c.setSector(8);
        c.setOffset(2);
        c.setAddr(4);
        c.setCount(3);
        assertEquals("disk command SWAP_IN is for the page-fault handler only (kernel mode)",
                assertThrows(DeviceException.class, () -> c.command(Mmio.DISK_SWAP_IN, false, mem)).getMessage());
        assertEquals("disk command SWAP_OUT is for the page-fault handler only (kernel mode)",
                assertThrows(DeviceException.class, () -> c.command(Mmio.DISK_SWAP_OUT, false, mem)).getMessage());
        c.setSector(7);
        assertEquals("SWAP_OUT of sector 7 is outside the swap area (8..9)",
                assertThrows(DeviceException.class, () -> c.command(Mmio.DISK_SWAP_OUT, true, mem)).getMessage());
        c.setSector(10);
        assertEquals("SWAP_IN of sector 10 is outside the swap area (8..9)",
                assertThrows(DeviceException.class, () -> c.command(Mmio.DISK_SWAP_IN, true, mem)).getMessage());
        c.setSector(9);
        c.setOffset(14);
        assertEquals("SWAP_IN of 3 words at sector offset 14 is outside the sector (0..15)",
                assertThrows(DeviceException.class, () -> c.command(Mmio.DISK_SWAP_IN, true, mem)).getMessage());
        c.setOffset(0);
        c.setAddr(30);
        assertEquals("DMA of 3 words at memory address 30 is outside main memory (0..31)",
                assertThrows(DeviceException.class, () -> c.command(Mmio.DISK_SWAP_OUT, true, mem)).getMessage());
        assertEquals(0, c.sectorReads() + c.sectorWrites(), "refused commands count nothing");

        // A SWAP_OUT and SWAP_IN round trip leaves the buffer (here: holding user words) alone.
        for (int i = 0; i < SW; i++) c.setBufferWord(i, 100 + i);
        words[0] = 5; words[1] = 6; words[2] = 7;
        c.setAddr(0);
        c.setOffset(13);
        c.command(Mmio.DISK_SWAP_OUT, true, mem);
        assertEquals(7, c.swapWord(SW + 15));
        c.setAddr(20);
        c.command(Mmio.DISK_SWAP_IN, true, mem);
        assertArrayEquals(new int[] {5, 6, 7}, Arrays.copyOfRange(words, 20, 23));
        for (int i = 0; i < SW; i++) assertEquals(100 + i, c.bufferWord(i), "buffer word " + i);
        assertEquals(1, c.sectorReads());
        assertEquals(1, c.sectorWrites());
    }
}
