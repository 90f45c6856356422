package tc.computer.isa;

/**
 * The sizes of the seed machine's memory hierarchy and devices (the {@code seed} preset follows
 * the Tensor Computer paper; every size can be changed). The CPU and its ISA are those of
 * {@link TcMachineSpec}; a program's {@code memoryWords} is the seed machine's virtual address
 * space, of which {@link #physicalWords} are backed by main memory at a time (demand paging).
 *
 * @param physicalWords  main memory words (power of two); frame 0 is the page-fault handler's
 * @param pageWords      words per page (power of two, at most physicalWords / 2)
 * @param tlbEntries     TLB entries (fully associative, LRU)
 * @param cacheLines     cache lines (fully associative, LRU, write-through)
 * @param cacheLineWords words per cache line (power of two)
 * @param gpuWords       GPU memory words
 * @param width          framebuffer width in pixels
 * @param height         framebuffer height in pixels
 * @param diskBytes      disk size in bytes (a multiple of the sector size)
 * @param sectorWords    32-bit words per disk sector
 */
public record SeedConfig(int physicalWords, int pageWords, int tlbEntries, int cacheLines, int cacheLineWords,
                         int gpuWords, int width, int height, long diskBytes, int sectorWords) {
    /** The paper's machine: 256 words of main memory, 256 cache lines, 64K GPU words, 640×480, 64 MB of 4 KB sectors. */
    public static final SeedConfig SEED = new SeedConfig(256, 16, 16, 256, 1, 1 << 16, 640, 480, 64L << 20, 1024);

    public SeedConfig {
        power("physical words", physicalWords, 4, 1 << 20);
        power("page words", pageWords, 1, physicalWords / 2);
        positive("TLB entries", tlbEntries);
        positive("cache lines", cacheLines);
        power("cache line words", cacheLineWords, 1, physicalWords);
        positive("GPU words", gpuWords);
        positive("framebuffer width", width);
        positive("framebuffer height", height);
        power("sector words", sectorWords, 1, 1 << 20);
        if (diskBytes <= 0 || diskBytes % (4L * sectorWords) != 0)
            throw new IllegalArgumentException("the disk must be a positive whole number of " + 4 * sectorWords + "-byte sectors, got " + diskBytes + " bytes");
    }

    /** Physical frames (frame 0 belongs to the page-fault handler). */
    public int frames() { return physicalWords / pageWords; }

    public int pageBits() { return Integer.numberOfTrailingZeros(pageWords); }

    public long diskSectors() { return diskBytes / (4L * sectorWords); }

    /** Sectors at the end of the disk that hold the swap area for a virtual space of {@code virtualWords}. */
    public long swapSectors(int virtualWords) { return (virtualWords + (long) sectorWords - 1) / sectorWords; }

    /** Sectors a user program may read and write: those before the swap area. */
    public long userSectors(int virtualWords) { return diskSectors() - swapSectors(virtualWords); }

    private static void power(String what, int v, int min, int max) {
        if (Integer.bitCount(v) != 1 || v < min || v > max)
            throw new IllegalArgumentException(what + " must be a power of two in " + min + ".." + max + ", got " + v);
    }

    private static void positive(String what, int v) {
        if (v <= 0) throw new IllegalArgumentException(what + " must be positive, got " + v);
    }
}
