package tc.computer.memory;

import tc.computer.device.DeviceException;
import tc.computer.device.DmaTarget;
import tc.computer.isa.SeedConfig;

/**
 * The path of a non-negative data address: in user mode virtual address {@code a mod virtualWords}
 * → TLB → (on a miss) page-table walk → physical address; in kernel mode {@code a mod
 * physicalWords} directly. Every CPU access then goes through the cache (statistics only, see
 * {@link Cache}) to main memory. DMA bypasses the cache and invalidates the lines it writes.
 */
public final class MemoryHierarchy implements DmaTarget {
    private final int[] mem;
    private final int physMask, virtMask, pageBits, pageMask;
    private final Tlb tlb;
    private final Cache cache;
    private final PageTable pageTable;
    private boolean kernel;
    private int faultVpn;

    /** @param virtualWords the program's address space (a power of two, at least one page) */
    public MemoryHierarchy(SeedConfig config, int virtualWords) {
        if (Integer.bitCount(virtualWords) != 1 || virtualWords < config.pageWords())
            throw new IllegalArgumentException("the virtual space (" + virtualWords + " words) must be a power of two of at least one page (" + config.pageWords() + " words)");
        mem = new int[config.physicalWords()];
        physMask = config.physicalWords() - 1;
        virtMask = virtualWords - 1;
        pageBits = config.pageBits();
        pageMask = config.pageWords() - 1;
        int pages = virtualWords >>> pageBits;
        tlb = new Tlb(config.tlbEntries(), pages);
        cache = new Cache(config.cacheLines(), config.cacheLineWords(), config.physicalWords());
        pageTable = new PageTable(pages, config.frames());
    }

    /**
     * The physical address of non-negative address {@code a} in the current mode, or −1 on a page
     * fault (then {@link #faultVpn()} names the page). Counts TLB hits and misses.
     */
    public int translate(int a) {
        if (kernel) return a & physMask;
        int va = a & virtMask;
        int vpn = va >>> pageBits;
        int frame = tlb.lookup(vpn);
        if (frame < 0) {
            frame = pageTable.walk(vpn);
            if (frame < 0) {
                faultVpn = vpn;
                return -1;
            }
            tlb.fill(vpn, frame);
        }
        return frame << pageBits | va & pageMask;
    }

    /** A CPU read of physical word {@code pa} through the cache. */
    public int read(int pa) {
        cache.access(pa);
        return mem[pa];
    }

    /** A CPU write of physical word {@code pa} through the cache (write-through, write-allocate). */
    public void write(int pa, int value) {
        cache.access(pa);
        mem[pa] = value;
    }

    /** The virtual page of {@code a} (user mode's view, no statistics). */
    public int vpnOf(int a) { return (a & virtMask) >>> pageBits; }

    /** The page of the last fault. */
    public int faultVpn() { return faultVpn; }

    public boolean kernel() { return kernel; }
    public void setKernel(boolean k) { kernel = k; }

    @Override public int physicalWords() { return mem.length; }
    @Override public int dmaRead(int pa) { return mem[pa]; }
    @Override public void dmaWrite(int pa, int value) {
        mem[pa] = value;
        cache.invalidate(pa);
    }

    /** Physical word {@code pa} without any effect (loader, state snapshots, tests). */
    public int peek(int pa) { return mem[pa]; }
    /** Sets physical word {@code pa} without any effect on the cache (the loader). */
    public void poke(int pa, int value) { mem[pa] = value; }

    /** The value user mode would read at virtual address {@code va}, or null when its page is not resident (no statistics). */
    public Integer peekVirtual(int va) {
        va &= virtMask;
        int frame;
        try {
            frame = pageTable.walk(va >>> pageBits);
        } catch (DeviceException e) {
            return null;
        }
        return frame < 0 ? null : mem[frame << pageBits | va & pageMask];
    }

    public int virtualWords() { return virtMask + 1; }
    public Tlb tlb() { return tlb; }
    public Cache cache() { return cache; }
    public PageTable pageTable() { return pageTable; }
}
