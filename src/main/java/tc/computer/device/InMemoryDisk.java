package tc.computer.device;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** A disk in memory, all zero at the start; only the sectors written take memory. */
public final class InMemoryDisk implements Disk {
    private final long sectors;
    private final int sectorWords;
    private final Map<Long, int[]> written = new HashMap<>();

    public InMemoryDisk(long sectors, int sectorWords) {
        if (sectors <= 0 || sectorWords <= 0) throw new IllegalArgumentException("disk sizes must be positive");
        this.sectors = sectors;
        this.sectorWords = sectorWords;
    }

    @Override public long sectors() { return sectors; }
    @Override public int sectorWords() { return sectorWords; }

    @Override public void read(long sector, int[] into) {
        check(sector);
        int[] s = written.get(sector);
        if (s == null) Arrays.fill(into, 0, sectorWords, 0);
        else System.arraycopy(s, 0, into, 0, sectorWords);
    }

    @Override public void write(long sector, int[] from) {
        check(sector);
        written.put(sector, Arrays.copyOf(from, sectorWords));
    }

    private void check(long sector) {
        if (sector < 0 || sector >= sectors) throw new IndexOutOfBoundsException("sector " + sector + " of " + sectors);
    }
}
