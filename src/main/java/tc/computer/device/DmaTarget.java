package tc.computer.device;

/**
 * Physical main memory as the disk controller's DMA sees it. Implemented by the memory hierarchy,
 * which invalidates the cache lines a DMA write touches (snooping), so that the device package
 * does not depend on the memory package.
 */
public interface DmaTarget {
    /** Words of physical memory. */
    int physicalWords();

    /** Reads physical word {@code pa} without touching the cache's statistics. */
    int dmaRead(int pa);

    /** Writes physical word {@code pa} and invalidates the cache line that holds it. */
    void dmaWrite(int pa, int value);
}
