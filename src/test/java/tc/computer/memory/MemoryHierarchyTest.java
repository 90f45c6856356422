package tc.computer.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tc.computer.device.DeviceException;
import tc.computer.isa.SeedConfig;

/**
 * TLB, cache and page-table walk, each against a slow reference written differently (a recency
 * list with linear search), plus the hierarchy's modes and the DMA snoop.
 */
class MemoryHierarchyTest {
    /** A slow LRU of keys with "lowest free index first": the reference for Tlb and Cache. */
    static final class SlowLru {
        final Integer[] slot;
        final List<Integer> recency = new ArrayList<>(); // slot indices, most recent last

        SlowLru(int n) { slot = new Integer[n]; }

        /** true on a hit */
        boolean access(int key) {
            for (int s = 0; s < slot.length; s++)
                if (slot[s] != null && slot[s] == key) { recency.remove((Integer) s); recency.add(s); return true; }
            int free = -1;
            for (int s = 0; s < slot.length; s++) if (slot[s] == null) { free = s; break; }
            int s = free >= 0 ? free : recency.remove(0);
            recency.remove((Integer) s);
            recency.add(s);
            slot[s] = key;
            return false;
        }

        void invalidate(int key) {
            for (int s = 0; s < slot.length; s++)
                if (slot[s] != null && slot[s] == key) { slot[s] = null; recency.remove((Integer) s); }
        }
    }

    @Test
    void cacheMatchesASlowLruWithInvalidations() {
        Random r = new Random(11);
        Cache c = new Cache(8, 2, 64);
        SlowLru ref = new SlowLru(8);
        long hits = 0;
        for (int k = 0; k < 20_000; k++) {
            int pa = r.nextInt(4) == 0 ? r.nextInt(64) : r.nextInt(20);
            if (r.nextInt(10) == 0) {
                c.invalidate(pa);
                ref.invalidate(pa >>> 1);
            } else {
                boolean hit = ref.access(pa >>> 1);
                if (hit) hits++;
                c.access(pa);
            }
            for (int s = 0; s < 8; s++) assertEquals(ref.slot[s] == null ? -1 : (int) ref.slot[s], c.lineAt(s), "slot " + s + " at " + k);
        }
        assertEquals(hits, c.hits());
        assertTrue(c.hits() > 0 && c.misses() > 0);
        int[] order = c.recency();
        assertEquals(ref.recency.size(), order.length);
        for (int k = 0; k < order.length; k++) assertEquals((int) ref.recency.get(ref.recency.size() - 1 - k), order[k], "recency " + k);
    }

    @Test
    void tlbMatchesASlowLruAndFlushes() {
        Random r = new Random(5);
        Tlb t = new Tlb(4, 32);
        SlowLru ref = new SlowLru(4);
        for (int k = 0; k < 20_000; k++) {
            int vpn = r.nextInt(3) == 0 ? r.nextInt(32) : r.nextInt(6);
            if (r.nextInt(20) == 0) {
                t.flush(vpn);
                ref.invalidate(vpn);
            } else if (r.nextInt(200) == 0) {
                t.flush(-1);
                for (int s = 0; s < 4; s++) if (ref.slot[s] != null) ref.invalidate(ref.slot[s]);
            } else {
                int frame = t.lookup(vpn);
                boolean hit = ref.access(vpn);
                assertEquals(hit, frame >= 0);
                if (hit) assertEquals(vpn * 3 + 1, frame);
                else t.fill(vpn, vpn * 3 + 1);
            }
            for (int s = 0; s < 4; s++) assertEquals(ref.slot[s] == null ? -1 : (int) ref.slot[s], t.pageAt(s));
            int[] order = t.recency();
            assertEquals(ref.recency.size(), order.length);
            for (int q = 0; q < order.length; q++) assertEquals((int) ref.recency.get(ref.recency.size() - 1 - q), order[q]);
        }
    }

    @Test
    void tlbFillsFreeEntriesLowestFirst() {
        Tlb t = new Tlb(3, 16);
        t.fill(9, 1);
        t.fill(4, 2);
        t.flush(9);
        t.fill(7, 3);
        assertEquals(7, t.pageAt(0));
        assertEquals(4, t.pageAt(1));
        assertEquals(-1, t.pageAt(2));
    }

    @Test
    void pageTableWalksTwoLevels() {
        PageTable pt = new PageTable(64, 16); // vpnBits 6: l2Bits 3, l1Bits 3
        assertEquals(3, pt.l1Bits());
        assertEquals(3, pt.l2Bits());
        assertEquals(8 + 64, pt.size());
        for (int d = 0; d < 8; d++) assertEquals(8 + d * 8, pt.get(d), "directory entry " + d);
        assertEquals(-1, pt.walk(13), "every PTE starts invalid");
        assertEquals(8 + 8 + 5, pt.pteIndex(13));
        pt.set(pt.pteIndex(13), 7 << 1 | 1);
        assertEquals(7, pt.walk(13));
        pt.set(pt.pteIndex(13), 7 << 1);
        assertEquals(-1, pt.walk(13), "valid bit clear");
        pt.set(1, 0);
        assertEquals(-1, pt.walk(13), "no L2 table");
        pt.set(1, 16);
        pt.set(pt.pteIndex(13), 99 << 1 | 1);
        DeviceException e = assertThrows(DeviceException.class, () -> pt.walk(13));
        assertEquals("the page table maps page 13 to frame 99, outside main memory (0..15)", e.getMessage());
        assertThrows(DeviceException.class, () -> pt.get(72));
        assertThrows(DeviceException.class, () -> pt.set(-1, 0));
        PageTable odd = new PageTable(8, 4); // vpnBits 3: l2Bits 1, l1Bits 2
        assertEquals(2, odd.l1Bits());
        assertEquals(1, odd.l2Bits());
    }

    @Test
    void hierarchyTranslatesCountsAndSnoops() {
        SeedConfig cfg = new SeedConfig(64, 8, 2, 4, 2, 16, 4, 4, 4096, 64);
        MemoryHierarchy h = new MemoryHierarchy(cfg, 256);
        assertEquals(-1, h.translate(70));
        assertEquals(8, h.faultVpn());
        assertEquals(1, h.tlb().misses());
        h.pageTable().set(h.pageTable().pteIndex(8), 3 << 1 | 1);
        assertEquals(3 * 8 + 6, h.translate(70));
        assertEquals(3 * 8 + 6, h.translate(70 + 256), "virtual addresses wrap at the virtual size");
        assertEquals(1, h.tlb().hits());
        h.write(30, 42);
        assertEquals(42, h.read(30));
        assertEquals(1, h.cache().misses());
        assertEquals(1, h.cache().hits());
        h.dmaWrite(31, 5);
        assertFalse(h.cache().holds(30), "a DMA write invalidates the line (words 30..31)");
        assertEquals(5, h.read(31));
        assertEquals(2, h.cache().misses());
        assertEquals(Integer.valueOf(42), h.peekVirtual(70));
        assertNull(h.peekVirtual(0));
        h.setKernel(true);
        assertEquals(70 & 63, h.translate(70), "kernel mode: physical, no translation");
        assertEquals(3, h.tlb().hits() + h.tlb().misses(), "kernel accesses skip the TLB");
    }

    @Test
    void statsMapHasTheContractsNames() {
        MachineStats s = new MachineStats(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        Map<String, Object> m = s.toMap();
        assertEquals(List.of("cacheHits", "cacheMisses", "tlbHits", "tlbMisses", "pageFaults", "sectorReads", "sectorWrites", "busGrants", "gpuKernels"),
                List.copyOf(m.keySet()));
        Map<String, Object> bus = new LinkedHashMap<>();
        bus.put("cpu", 8L);
        bus.put("dma", 9L);
        bus.put("gpu", 10L);
        assertEquals(bus, m.get("busGrants"));
        assertEquals(11L, m.get("gpuKernels"));
    }
}
