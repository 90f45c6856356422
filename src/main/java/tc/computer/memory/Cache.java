package tc.computer.memory;

import java.util.Arrays;

/**
 * The cache: {@code lines} lines of {@code lineWords} words, fully associative, LRU (a hit
 * refreshes recency; a miss takes the lowest free line, else the least recent), write-through with
 * write-allocate. It keeps tags and recency only: because it writes through and DMA writes
 * invalidate the lines they touch, a read always equals main memory, so the cache changes only the
 * statistics. A line → slot array makes a hit O(1).
 */
public final class Cache {
    private final int lineBits;
    private final int[] slotOfLine;
    private final int[] tag;
    private final LruSlots lru;
    private long hits, misses;

    /** @param physicalWords the memory it caches (so the tag array covers every line) */
    public Cache(int lines, int lineWords, int physicalWords) {
        if (lines <= 0 || Integer.bitCount(lineWords) != 1 || physicalWords % lineWords != 0)
            throw new IllegalArgumentException("bad cache shape: " + lines + " lines of " + lineWords + " words over " + physicalWords);
        lineBits = Integer.numberOfTrailingZeros(lineWords);
        slotOfLine = new int[physicalWords >>> lineBits];
        Arrays.fill(slotOfLine, -1);
        tag = new int[lines];
        Arrays.fill(tag, -1);
        lru = new LruSlots(lines);
    }

    /** One CPU access (read or write) to physical word {@code pa}: counts a hit or a miss and allocates on a miss. */
    public void access(int pa) {
        int line = pa >>> lineBits;
        int s = slotOfLine[line];
        if (s >= 0) {
            hits++;
            lru.touch(s);
            return;
        }
        misses++;
        s = lru.allocate();
        if (tag[s] >= 0) slotOfLine[tag[s]] = -1;
        tag[s] = line;
        slotOfLine[line] = s;
    }

    /** Snoops a DMA write of physical word {@code pa}: the line holding it, if cached, becomes free. */
    public void invalidate(int pa) {
        int line = pa >>> lineBits;
        int s = slotOfLine[line];
        if (s < 0) return;
        slotOfLine[line] = -1;
        tag[s] = -1;
        lru.release(s);
    }

    /** Whether the line holding {@code pa} is cached. */
    public boolean holds(int pa) { return slotOfLine[pa >>> lineBits] >= 0; }

    /** The memory line in cache line {@code s}, −1 when free. */
    public int lineAt(int s) { return tag[s]; }

    public int lines() { return tag.length; }
    public long hits() { return hits; }
    public long misses() { return misses; }
}
