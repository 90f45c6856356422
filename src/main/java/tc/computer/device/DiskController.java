package tc.computer.device;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The disk controller: a one-sector buffer, the registers {@code DISK_SECTOR}, {@code DISK_OFFSET},
 * {@code DISK_ADDR}, {@code DISK_COUNT} and the commands READ (sector → buffer), WRITE (buffer →
 * sector, atomic), DMA_IN (buffer → physical memory) and DMA_OUT (physical memory → buffer).
 *
 * <p>The swap area (the last sectors, from {@link #setSwap}) is volatile: kept in memory for the
 * run and never written to the disk, so a program's paging neither wears nor corrupts the user's
 * image. User mode may address only the sectors before it; kernel mode may address all.
 */
public final class DiskController {
    private final Disk disk;
    private final Bus bus;
    private final int[] buffer;
    private final Map<Long, int[]> swap = new HashMap<>();
    private long firstSwap;
    private int sector, offset, addr, count;
    private long reads, writes;

    public DiskController(Disk disk, Bus bus) {
        this.disk = disk;
        this.bus = bus;
        this.buffer = new int[disk.sectorWords()];
        this.firstSwap = disk.sectors();
    }

    public Disk disk() { return disk; }
    public int sectorWords() { return buffer.length; }
    public long sectors() { return disk.sectors(); }

    /** Marks sectors {@code first..} as the volatile swap area (the loader calls it). */
    public void setSwap(long first) {
        if (first < 0 || first > disk.sectors()) throw new IllegalArgumentException("swap start " + first + " outside the disk");
        firstSwap = first;
        swap.clear();
    }

    /** The first swap sector (= {@link #sectors()} when there is no swap area). */
    public long firstSwapSector() { return firstSwap; }

    /** Word {@code w} of the swap area (0 = first word of the first swap sector), 0 if never written. */
    public int swapWord(long w) {
        int[] s = swap.get(firstSwap + w / buffer.length);
        return s == null ? 0 : s[(int) (w % buffer.length)];
    }

    /** Writes words into the swap area starting at word {@code w} (the loader's initial data image). */
    public void writeSwapWords(long w, int[] words) {
        for (int k = 0; k < words.length; k++) {
            long at = w + k;
            long sec = firstSwap + at / buffer.length;
            if (sec >= disk.sectors()) throw new IllegalArgumentException("the data image does not fit the swap area");
            swap.computeIfAbsent(sec, s -> new int[buffer.length])[(int) (at % buffer.length)] = words[k];
        }
    }

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
    public void setBufferWord(int i, int v) { buffer[i] = v; }

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
                    int[] src = swap.get(s);
                    if (src == null) Arrays.fill(buffer, 0);
                    else System.arraycopy(src, 0, buffer, 0, buffer.length);
                } else {
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
                if (s >= firstSwap) swap.put(s, buffer.clone());
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
                for (int k = 0; k < count; k++) buffer[offset + k] = memory.dmaRead(addr + k);
                bus.grantDma(count);
            }
            default -> throw new DeviceException("unknown disk command " + cmd + " (1 READ, 2 WRITE, 3 DMA_IN, 4 DMA_OUT)");
        }
    }

    private long checkSector(boolean kernel) {
        long limit = kernel ? disk.sectors() : firstSwap;
        if (sector < 0 || sector >= limit)
            throw new DeviceException("sector " + sector + " is outside the disk (0.." + (limit - 1) + ")");
        return sector;
    }

    private void checkDma(DmaTarget memory) {
        if (count < 0 || offset < 0 || (long) offset + count > buffer.length)
            throw new DeviceException("DMA of " + count + " words at buffer offset " + offset + " is outside the sector buffer (0.." + (buffer.length - 1) + ")");
        if (addr < 0 || (long) addr + count > memory.physicalWords())
            throw new DeviceException("DMA of " + count + " words at memory address " + addr + " is outside main memory (0.." + (memory.physicalWords() - 1) + ")");
    }
}
