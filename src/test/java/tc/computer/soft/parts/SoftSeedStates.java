package tc.computer.soft.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import tc.computer.device.DiskController;
import tc.computer.device.Mmio;
import tc.computer.engine.TcState;
import tc.computer.interp.SeedMachine;
import tc.computer.isa.TcMachineSpec;
import tc.computer.memory.Cache;
import tc.computer.memory.MachineStats;
import tc.computer.memory.Tlb;
import tc.computer.soft.SoftState;

/** State-for-state comparison of the soft seed machine ({@link SoftSeed} port) with {@link SeedMachine}. */
final class SoftSeedStates {
    private SoftSeedStates() {}

    /** The CPU: pc, halted, steps, registers, flags, outputs, mode (checked after every step). */
    static void assertCpu(SeedMachine m, SoftState s, SoftSeed port, String where) {
        TcState got = s.toTcState();
        assertEquals(m.pc(), got.pc(), where + ": pc");
        assertEquals(1.0, s.pc(m.pc()), where + ": pc mass");
        assertEquals(m.halted() ? 1.0 : 0.0, s.halted(), where + ": halted");
        assertEquals((double) m.steps(), s.steps(), where + ": steps");
        for (int r = 0; r < TcMachineSpec.REGISTERS; r++) assertEquals((double) m.register(r), s.register(r), where + ": r" + r);
        for (int f = 0; f < 4; f++) assertEquals((double) m.flag(f), s.flag(f), where + ": flag " + f);
        assertEquals(m.kernelMode() ? 1.0 : 0.0, port.kernelMode(), where + ": mode");
        assertEquals(m.outputs(), got.outputs(), where + ": outputs");
        assertEquals(0.0, port.refused(), where + ": refused mass");
    }

    /** Everything: the CPU, shadow bank, MMU registers, memory, page tables, TLB, cache, devices, disk, statistics. */
    static void assertAll(SeedMachine m, SoftState s, SoftSeed port, String where) {
        assertCpu(m, s, port, where);
        int[] sr = m.shadowRegisters(), sf = m.shadowFlags();
        for (int r = 0; r < sr.length; r++) assertEquals((double) sr[r], port.shadowRegisters()[r], where + ": shadow r" + r);
        for (int f = 0; f < 4; f++) assertEquals((double) sf[f], port.shadowFlags()[f], where + ": shadow flag " + f);
        assertEquals(1.0, port.shadowPcDistribution()[m.shadowPc()], where + ": shadow pc");
        assertEquals((double) m.trapVector(), port.trapVector(), where + ": TRAP_VECTOR");
        assertEquals((double) m.faultVpn(), port.faultVpn(), where + ": FAULT_VPN");
        assertEquals((double) m.faultAddr(), port.faultAddr(), where + ": FAULT_ADDR");
        assertEquals((double) m.ptIndex(), port.ptIndex(), where + ": PT_INDEX");

        double[] phys = port.physical();
        for (int i = 0; i < phys.length; i++) assertEquals((double) m.memory().peek(i), phys[i], where + ": physical word " + i);
        double[] pt = port.pageTable();
        assertEquals(m.memory().pageTable().size(), pt.length, where + ": page-table size");
        for (int i = 0; i < pt.length; i++) assertEquals((double) m.memory().pageTable().get(i), pt[i], where + ": page-table word " + i);

        Tlb tlb = m.memory().tlb();
        SoftTlb.State st = port.tlb();
        for (int e = 0; e < tlb.entries(); e++) {
            boolean used = tlb.pageAt(e) >= 0;
            assertEquals(used ? 1.0 : 0.0, st.entries.valid[e], where + ": TLB entry " + e + " valid");
            if (used) {
                assertEquals((double) tlb.pageAt(e), st.entries.tag[e], where + ": TLB entry " + e + " page");
                assertEquals((double) tlb.frameAt(e), st.frame[e], where + ": TLB entry " + e + " frame");
            }
        }
        assertEquals(Arrays.toString(tlb.recency()), Arrays.toString(recency(st.entries)), where + ": TLB recency");
        Cache cache = m.memory().cache();
        SoftCache.State sc = port.cache();
        for (int l = 0; l < cache.lines(); l++) {
            boolean used = cache.lineAt(l) >= 0;
            assertEquals(used ? 1.0 : 0.0, sc.lines.valid[l], where + ": cache line " + l + " valid");
            if (used) assertEquals((double) cache.lineAt(l), sc.lines.tag[l], where + ": cache line " + l + " tag");
        }
        assertEquals(Arrays.toString(cache.recency()), Arrays.toString(recency(sc.lines)), where + ": cache recency");

        MachineStats stats = m.stats();
        assertEquals((double) stats.cacheHits(), sc.hits, where + ": cache hits");
        assertEquals((double) stats.cacheMisses(), sc.misses, where + ": cache misses");
        assertEquals((double) stats.tlbHits(), st.hits, where + ": TLB hits");
        assertEquals((double) stats.tlbMisses(), st.misses, where + ": TLB misses");
        assertEquals((double) stats.pageFaults(), port.pageFaults(), where + ": page faults");
        assertEquals((double) stats.sectorReads(), port.sectorReads(), where + ": sector reads");
        assertEquals((double) stats.sectorWrites(), port.sectorWrites(), where + ": sector writes");
        assertEquals((double) stats.busCpu(), port.cpuGrants(), where + ": CPU grants");
        assertEquals((double) stats.busDma(), port.dmaGrants(), where + ": DMA grants");
        assertEquals((double) stats.busGpu(), port.gpuGrants(), where + ": GPU grants");
        assertEquals((double) stats.gpuKernels(), port.devices().gpuKernels(), where + ": GPU kernels");

        var devices = m.devices();
        SoftDevices sd = port.devices();
        byte[] out = devices.console().output();
        assertEquals(out.length, sd.console().size(), where + ": console length");
        for (int i = 0; i < out.length; i++) {
            assertEquals(out[i] & 0xFF, sd.console().get(i)[0], where + ": console byte " + i);
            assertEquals(1.0, sd.console().get(i)[1], where + ": console mass " + i);
        }
        assertEquals((double) devices.keyboard().count(), Math.max(0, port.keyEventsLeft()), where + ": keyboard queue");
        for (int i = 0; i < devices.gpu().words(); i++) assertEquals((double) devices.gpu().word(i), sd.gpu().mem[i], where + ": GPU word " + i);
        assertEquals((double) devices.gpu().result(), sd.gpu().result, where + ": GPU RESULT");
        for (int r : new int[] {Mmio.GPU_A, Mmio.GPU_B, Mmio.GPU_C, Mmio.GPU_N, Mmio.GPU_M, Mmio.GPU_K, Mmio.GPU_S})
            assertEquals((double) devices.gpu().register(r), sd.register(r), where + ": GPU register " + r);
        assertEquals((double) m.contentShift(), sd.register(Mmio.CONTENT_SHIFT), where + ": CONTENT_SHIFT");
        assertEquals((double) m.contentFound(), sd.register(Mmio.CONTENT_FOUND), where + ": CONTENT_FOUND");
        assertEquals((double) m.contentAddr(), sd.register(Mmio.CONTENT_ADDR), where + ": CONTENT_ADDR");
        assertEquals((double) m.contentResult(), sd.register(Mmio.CONTENT_RESULT), where + ": CONTENT_RESULT");
        assertEquals((double) m.fbX(), sd.register(Mmio.FB_X), where + ": FB_X");
        assertEquals((double) m.fbY(), sd.register(Mmio.FB_Y), where + ": FB_Y");
        var fb = devices.framebuffer();
        for (int y = 0; y < fb.height(); y++)
            for (int x = 0; x < fb.width(); x++) assertEquals((double) fb.get(x, y), sd.pixel(x, y), where + ": pixel " + x + "," + y);

        DiskController disk = devices.disk();
        assertEquals((double) disk.sector(), port.diskSector(), where + ": DISK_SECTOR");
        assertEquals((double) disk.offset(), port.diskOffset(), where + ": DISK_OFFSET");
        assertEquals((double) disk.addr(), port.diskAddr(), where + ": DISK_ADDR");
        assertEquals((double) disk.count(), port.diskCount(), where + ": DISK_COUNT");
        for (int i = 0; i < disk.sectorWords(); i++) assertEquals((double) disk.bufferWord(i), port.buffer()[i], where + ": buffer word " + i);
        int[] words = new int[disk.sectorWords()];
        for (Map.Entry<Long, double[]> e : port.sectorsTouched().entrySet()) {
            long sector = e.getKey();
            if (sector >= disk.firstSwapSector()) {
                long base = (sector - disk.firstSwapSector()) * disk.sectorWords();
                for (int i = 0; i < words.length; i++) words[i] = disk.swapWord(base + i);
            } else {
                try {
                    disk.disk().read(sector, words);
                } catch (IOException x) {
                    fail(x);
                }
            }
            for (int i = 0; i < words.length; i++) assertEquals((double) words[i], e.getValue()[i], where + ": sector " + sector + " word " + i);
        }
        assertTrue(port.sectorsTouched().size() <= disk.sectors());
    }

    /** Valid entries most recent first: ascending age (at τ ≤ 1e-3 the ages of valid entries are distinct integers). */
    static int[] recency(SoftLru.State st) {
        return java.util.stream.IntStream.range(0, st.valid.length).filter(l -> st.valid[l] == 1).boxed()
                .sorted((x, y) -> Double.compare(st.age[x], st.age[y])).mapToInt(Integer::intValue).toArray();
    }
}
