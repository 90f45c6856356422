package tc.computer.memory;

import java.util.Arrays;

/**
 * The translation lookaside buffer: {@code entries} (page → frame) pairs, fully associative, LRU
 * (a hit refreshes recency; a fill takes the lowest free entry, else the least recent). A page →
 * entry array makes a hit O(1).
 */
public final class Tlb {
    private final int[] entryOfPage;
    private final int[] page, frame;
    private final LruSlots lru;
    private long hits, misses;

    /** @param pages virtual pages (the page numbers it can hold are 0..pages−1) */
    public Tlb(int entries, int pages) {
        if (entries <= 0 || pages <= 0) throw new IllegalArgumentException("TLB entries and pages must be positive");
        entryOfPage = new int[pages];
        Arrays.fill(entryOfPage, -1);
        page = new int[entries];
        frame = new int[entries];
        Arrays.fill(page, -1);
        lru = new LruSlots(entries);
    }

    /** The frame of {@code vpn}, counting a hit (and refreshing it), or −1 counting a miss. */
    public int lookup(int vpn) {
        int e = entryOfPage[vpn];
        if (e >= 0) {
            hits++;
            lru.touch(e);
            return frame[e];
        }
        misses++;
        return -1;
    }

    /** Enters {@code vpn → frame} (after a miss), evicting the least recent entry when full; returns the entry used. */
    public int fill(int vpn, int frameNumber) {
        int old = entryOfPage[vpn];
        if (old >= 0) { frame[old] = frameNumber; lru.touch(old); return old; }
        int e = lru.allocate();
        if (page[e] >= 0) entryOfPage[page[e]] = -1;
        page[e] = vpn;
        frame[e] = frameNumber;
        entryOfPage[vpn] = e;
        return e;
    }

    /** Invalidates the entry of {@code vpn} (if any); {@code vpn = −1} invalidates all. */
    public void flush(int vpn) {
        if (vpn == -1) {
            for (int e = 0; e < page.length; e++) if (page[e] >= 0) drop(e);
            return;
        }
        if (vpn < 0 || vpn >= entryOfPage.length) return;
        int e = entryOfPage[vpn];
        if (e >= 0) drop(e);
    }

    private void drop(int e) {
        entryOfPage[page[e]] = -1;
        page[e] = -1;
        lru.release(e);
    }

    /** The page in entry {@code e}, −1 when free (for tests and the soft machine's comparison). */
    public int pageAt(int e) { return page[e]; }

    /** The frame in entry {@code e} (meaningful when {@link #pageAt} is not −1). */
    public int frameAt(int e) { return frame[e]; }

    /** Entries, hits and misses so far. */
    public int entries() { return page.length; }
    /** Entries in use, most recently used first (the recency the soft LRU relaxes). */
    public int[] recency() { return lru.order(lru.inUse()); }

    public long hits() { return hits; }
    public long misses() { return misses; }
}
