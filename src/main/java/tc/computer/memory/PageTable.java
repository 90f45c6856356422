package tc.computer.memory;

import tc.computer.device.DeviceException;

/**
 * The MMU's page-table RAM and its two-level walk. For {@code pages = 2^vpnBits} virtual pages,
 * {@code l2Bits = vpnBits / 2} and {@code l1Bits = vpnBits − l2Bits}; words
 * {@code [0, 2^l1Bits)} are the directory, whose entry {@code vpn >>> l2Bits} is the index of that
 * page's L2 table (0 = no table); the PTE is word {@code table + (vpn & (2^l2Bits − 1))}, value
 * {@code (frame << 1) | valid}.
 *
 * <p>The loader's layout: every directory entry present, L2 table i at
 * {@code 2^l1Bits + i·2^l2Bits}, every PTE 0 (invalid). The tables live in a bank of their own,
 * not in main memory: 256 words could not hold the tables of a 64K-word space.
 */
public final class PageTable {
    private final int l1Bits, l2Bits, l2Mask, frames;
    private final int[] pt;

    /** @param pages virtual pages (a power of two); @param frames physical frames (a PTE naming another frame is refused) */
    public PageTable(int pages, int frames) {
        if (Integer.bitCount(pages) != 1) throw new IllegalArgumentException("virtual pages must be a power of two, got " + pages);
        int vpnBits = Integer.numberOfTrailingZeros(pages);
        l2Bits = vpnBits / 2;
        l1Bits = vpnBits - l2Bits;
        l2Mask = (1 << l2Bits) - 1;
        this.frames = frames;
        int dir = 1 << l1Bits;
        pt = new int[dir + pages];
        for (int i = 0; i < dir; i++) pt[i] = dir + (i << l2Bits);
    }

    public int l1Bits() { return l1Bits; }
    public int l2Bits() { return l2Bits; }
    public int size() { return pt.length; }

    /** Word {@code i} of the page-table RAM; outside → {@link DeviceException}. */
    public int get(int i) { return pt[check(i)]; }

    /** Sets word {@code i}; outside → {@link DeviceException}. */
    public void set(int i, int v) { pt[check(i)] = v; }

    /** The index of {@code vpn}'s PTE, −1 when its directory entry is 0 (no table). */
    public int pteIndex(int vpn) {
        int d = pt[vpn >>> l2Bits];
        if (d == 0) return -1;
        return check(d + (vpn & l2Mask));
    }

    /**
     * The two-level walk: the frame of {@code vpn}, or −1 when its table or PTE is missing or
     * invalid (a page fault). A directory entry or PTE that points outside the table RAM or main
     * memory is a {@link DeviceException}.
     */
    public int walk(int vpn) {
        int i = pteIndex(vpn);
        if (i < 0) return -1;
        int pte = pt[i];
        if ((pte & 1) == 0) return -1;
        int frame = pte >>> 1;
        if (frame >= frames)
            throw new DeviceException("the page table maps page " + vpn + " to frame " + frame + ", outside main memory (0.." + (frames - 1) + ")");
        return frame;
    }

    private int check(int i) {
        if (i < 0 || i >= pt.length)
            throw new DeviceException("page-table index " + i + " is outside the page-table RAM (0.." + (pt.length - 1) + ")");
        return i;
    }
}
