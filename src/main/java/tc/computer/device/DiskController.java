package tc.computer.device;

import java.io.IOException;

/**
 * The disk controller: a one-sector buffer, the registers {@code DISK_SECTOR}, {@code DISK_OFFSET},
 * {@code DISK_ADDR}, {@code DISK_COUNT} and the commands READ (sector → buffer), WRITE (buffer →
 * sector, atomic), DMA_IN (buffer → physical memory) and DMA_OUT (physical memory → buffer), and
 * the kernel-only SWAP_IN (swap sector words → physical memory) and SWAP_OUT (physical memory →
 * swap sector words, one atomic sector update) that bypass the buffer.
 *
 * <p>The swap commands exist so that the page-fault handler never touches the buffer: a fault can
 * strike between a user program's copy into the buffer and its READ/WRITE command, and a handler
 * that paged through the buffer would destroy the sector the program was assembling there.
 *
 * <p>The swap area (the last sectors, from {@link #setSwap}) is volatile: kept in memory for the
 * run and never written to the disk, so a program's paging neither wears nor corrupts the user's
 * image. User mode may address only the sectors before it; kernel mode may address all.
 */
public final class DiskController {
    private final Disk disk;
    private final Bus bus;
    private final int sectorWords;
    // The buffer is copy-on-write: READ of a swap sector and WRITE to one share the array instead of
    // copying 4 KB, and the first change to a shared buffer copies it (into the array a WRITE last
    // replaced, so steady paging allocates nothing: fresh 4 KB arrays cost more than the copy).
    // Invariant: each swap array belongs to one swap sector; the buffer, when shared, is swap[alias].
    private int[] buffer, spare;
    private boolean shared;
    private int alias = -1;
    private int[][] swap = new int[0][];
    private long firstSwap;
    private int sector, offset, addr, count;
    private long reads, writes;

    /** A controller for {@code disk}, counting DMA grants on {@code bus}; no swap area until {@link #setSwap}. */
    public DiskController(Disk disk, Bus bus) {
        this.disk = disk;
        this.bus = bus;
        this.sectorWords = disk.sectorWords();
        this.buffer = new int[sectorWords];
        this.firstSwap = disk.sectors();
    }

    public Disk disk() { return disk; }
    public int sectorWords() { return sectorWords; }
    public long sectors() { return disk.sectors(); }

    /** Marks sectors {@code first..} as the volatile swap area (the loader calls it). */
    public void setSwap(long first) {
        if (first < 0 || first > disk.sectors()) throw new IllegalArgumentException("swap start " + first + " outside the disk");
        firstSwap = first;
        swap = new int[(int) (disk.sectors() - first)][];
    }

    /** The first swap sector (= {@link #sectors()} when there is no swap area). */
    public long firstSwapSector() { return firstSwap; }

    /** Word {@code w} of the swap area (0 = first word of the first swap sector), 0 if never written. */
    public int swapWord(long w) {
        int[] s = swap[(int) (w / sectorWords)];
        return s == null ? 0 : s[(int) (w % sectorWords)];
    }

    /** Writes words into the swap area starting at word {@code w} (the loader's initial data image). */
    public void writeSwapWords(long w, int[] words) {
        for (int k = 0; k < words.length; k++) {
            long at = w + k;
            long i = at / sectorWords;
            if (i >= swap.length) throw new IllegalArgumentException("the data image does not fit the swap area");
            int[] s = swap[(int) i];
            if (shared && alias == i) own();
            if (s == null) swap[(int) i] = s = new int[sectorWords];
            s[(int) (at % sectorWords)] = words[k];
        }
    }

    /** The registers DISK_SECTOR, DISK_OFFSET, DISK_ADDR and DISK_COUNT (any int; commands check them). */
    public int sector() { return sector; }
    public int offset() { return offset; }
    public int addr() { return addr; }
    public int count() { return count; }
    public void setSector(int v) { sector = v; }
    public void setOffset(int v) { offset = v; }
    public void setAddr(int v) { addr = v; }
    public void setCount(int v) { count = v; }

    /** Buffer word {@code i} (the caller has checked {@code 0 ≤ i < sectorWords}). */
    public int bufferWord(int i) { return buffer[i]; }
    /** Sets buffer word {@code i} (the caller has checked the range). */
    public void setBufferWord(int i, int v) { own(); buffer[i] = v; }

    private void own() {
        if (shared) {
            int[] copy = fresh();
            System.arraycopy(buffer, 0, copy, 0, sectorWords);
            buffer = copy;
            shared = false;
            alias = -1;
        }
    }

    private int[] fresh() {
        int[] a = spare != null ? spare : new int[sectorWords];
        spare = null;
        return a;
    }

    /** Controller READ commands so far (swap included). */
    public long sectorReads() { return reads; }
    /** Controller WRITE commands so far (swap included). */
    public long sectorWrites() { return writes; }

    /**
     * Runs command {@code cmd} (a {@code Mmio.DISK_*} value) synchronously.
     *
     * @param kernel whether the CPU is in kernel mode (it may then address the swap area)
     * @param memory physical memory for DMA
     * @throws DeviceException for an unknown command, a sector outside the allowed range, a DMA
     *                         range outside the buffer or memory, or a failing disk
     */
    public void command(int cmd, boolean kernel, DmaTarget memory) {
        switch (cmd) {
            case Mmio.DISK_READ -> {
                long s = checkSector(kernel);
                if (s >= firstSwap) {
                    int i = (int) (s - firstSwap);
                    if (swap[i] == null) swap[i] = new int[sectorWords];
                    if (!shared) spare = buffer;
                    buffer = swap[i];
                    shared = true;
                    alias = i;
                } else {
                    if (shared) { buffer = fresh(); shared = false; alias = -1; }
                    try {
                        disk.read(s, buffer);
                    } catch (IOException e) {
                        throw new DeviceException("disk read of sector " + s + " failed: " + e.getMessage());
                    }
                }
                reads++;
                bus.grantDma(1);
            }
            case Mmio.DISK_WRITE -> {
                long s = checkSector(kernel);
                if (s >= firstSwap) {
                    int i = (int) (s - firstSwap);
                    if (!shared) {
                        spare = swap[i];
                        swap[i] = buffer;
                        shared = true;
                        alias = i;
                    } else if (alias != i) swap[i] = buffer.clone();
                }
                else {
                    try {
                        disk.write(s, buffer);
                    } catch (IOException e) {
                        throw new DeviceException("disk write of sector " + s + " failed: " + e.getMessage());
                    }
                }
                writes++;
                bus.grantDma(1);
            }
            case Mmio.DISK_DMA_IN -> {
                checkDma(memory);
                for (int k = 0; k < count; k++) memory.dmaWrite(addr + k, buffer[offset + k]);
                bus.grantDma(count);
            }
            case Mmio.DISK_DMA_OUT -> {
                checkDma(memory);
                own();
                for (int k = 0; k < count; k++) buffer[offset + k] = memory.dmaRead(addr + k);
                bus.grantDma(count);
            }
            case Mmio.DISK_SWAP_IN -> {
                int[] words = swap[checkSwap(kernel, memory, "SWAP_IN")];
                for (int k = 0; k < count; k++) memory.dmaWrite(addr + k, words == null ? 0 : words[offset + k]);
                reads++;
                bus.grantDma(count);
            }
            case Mmio.DISK_SWAP_OUT -> {
                int i = checkSwap(kernel, memory, "SWAP_OUT");
                // Copy-on-write: if the user-visible buffer shares this swap array, the buffer keeps
                // its own copy (the old sector), so the swap update never shows through it.
                if (shared && alias == i) own();
                if (swap[i] == null) swap[i] = new int[sectorWords];
                int[] s = swap[i];
                for (int k = 0; k < count; k++) s[offset + k] = memory.dmaRead(addr + k);
                writes++;
                bus.grantDma(count);
            }
            default -> throw new DeviceException("unknown disk command " + cmd + " (1 READ, 2 WRITE, 3 DMA_IN, 4 DMA_OUT, 5 SWAP_IN, 6 SWAP_OUT)");
        }
    }

    /**
     * Checks a swap command (kernel mode, a swap sector, the word range inside the sector and in
     * memory) and returns the sector's index in the swap area.
     */
    private int checkSwap(boolean kernel, DmaTarget memory, String name) {
        if (!kernel) throw new DeviceException("disk command " + name + " is for the page-fault handler only (kernel mode)");
        if (sector < firstSwap || sector >= disk.sectors())
            throw new DeviceException(name + " of sector " + sector + " is outside the swap area ("
                    + firstSwap + ".." + (disk.sectors() - 1) + ")");
        if (count < 0 || offset < 0 || (long) offset + count > sectorWords)
            throw new DeviceException(name + " of " + count + " words at sector offset " + offset + " is outside the sector (0.." + (sectorWords - 1) + ")");
        checkMemory(memory);
        return (int) (sector - firstSwap);
    }

    private long checkSector(boolean kernel) {
        long limit = kernel ? disk.sectors() : firstSwap;
        if (sector < 0 || sector >= limit)
            throw new DeviceException("sector " + sector + " is outside the disk (0.." + (limit - 1) + ")");
        return sector;
    }

    private void checkDma(DmaTarget memory) {
        if (count < 0 || offset < 0 || (long) offset + count > sectorWords)
            throw new DeviceException("DMA of " + count + " words at buffer offset " + offset + " is outside the sector buffer (0.." + (sectorWords - 1) + ")");
        checkMemory(memory);
    }

    private void checkMemory(DmaTarget memory) {
        if (addr < 0 || (long) addr + count > memory.physicalWords())
            throw new DeviceException("DMA of " + count + " words at memory address " + addr + " is outside main memory (0.." + (memory.physicalWords() - 1) + ")");
    }
}
