package tc.computer.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tc.computer.device.Devices;
import tc.computer.device.Mmio;
import tc.computer.engine.TcState;
import tc.computer.interp.SeedMachine;
import tc.computer.interp.TcMachine;
import tc.computer.isa.SeedConfig;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcProgram;
import tc.computer.memory.MachineStats;

/**
 * The generated page-fault handler runs a program whose data (16,384 words) is 64 times main
 * memory (256 words) and ends in the flat machine's state: same totals, registers, flags and
 * virtual memory.
 */
class PagerRuntimeTest {
    static final SeedConfig SEED = SeedConfig.SEED;
    static final int N = 16_384;

    @ParameterizedTest
    @ValueSource(ints = {32_768, 65_536})
    void sumsAnArrayLargerThanMemoryThroughDemandPaging(int virtualWords) {
        TcProgram paged = ArraySum.program(SEED, virtualWords, N, true);
        TcProgram flat = ArraySum.program(SEED, virtualWords, N, false);
        TcState expected = new TcMachine(flat).run(10_000_000);
        assertTrue(expected.halted());

        long prefix = 0, total = 0;
        for (int i = 0; i < N; i++) prefix += ArraySum.initial(i);
        for (int i = 0, s = 0; i < N; i++) { s += ArraySum.initial(i); total += s; }
        assertEquals(List.of((int) prefix, (int) total), expected.outputs(), "the flat machine's own totals");

        SeedMachine seed = new SeedMachine(paged, SEED, Devices.inMemory(SEED));
        int handlerSlot = paged.code().size() - PagerRuntime.handler(SEED, virtualWords, 0).size();
        long[] inHandler = new long[1];
        TcState got = seed.run(100_000_000, (step, pc, ins, after) -> { if (pc >= handlerSlot) inHandler[0]++; });
        assertNull(seed.fault());
        assertTrue(got.halted());
        assertEquals(expected.outputs(), got.outputs());
        assertArrayEquals(expected.registers(), got.registers());
        assertArrayEquals(expected.flags(), got.flags());
        assertEquals(expected.pc(), got.pc());
        assertArrayEquals(expected.memory(), got.memory(), "virtual memory");
        assertEquals(expected.steps(), seed.userSteps(), "user instructions retired = the flat machine's steps");

        MachineStats st = seed.stats();
        // Each of the N/16 array pages faults at least once per pass, and page 0 for the result.
        assertTrue(st.pageFaults() >= 2L * N / SEED.pageWords(), "page faults: " + st);
        assertTrue(st.cacheHits() > 0 && st.cacheMisses() > 0, st.toString());
        assertTrue(st.tlbHits() > 0 && st.tlbMisses() > 0, st.toString());
        assertEquals(st.pageFaults(), st.sectorReads(), "one SWAP_IN per fault");
        assertTrue(st.sectorWrites() > 0 && st.sectorWrites() < st.pageFaults(), "one SWAP_OUT per eviction of an occupied frame: " + st);
        assertEquals(seed.steps(), seed.userSteps() + st.pageFaults() + inHandler[0], "steps add up");
        assertEquals(0, st.gpuKernels());
        assertTrue(st.busDma() > 0 && st.busCpu() > 0);
    }

    /**
     * A user program fills the controller's buffer word by word from an array of 64 pages (15 user
     * frames: the copy faults and evicts again and again) and only then WRITEs it. The handler
     * swaps without the buffer and restores the controller's registers, so the sector on the disk
     * is the array and the registers the program set are still there.
     */
    @Test
    void aPageFaultDuringAUsersSectorCopyLeavesTheBufferAndRegistersIntact() throws java.io.IOException {
        int words = SEED.sectorWords(), sector = 3;
        int[] data = new int[words];
        for (int k = 0; k < words; k++) data[k] = k * 7919 - 5;
        int dev = Mmio.DEV_BASE;
        List<TcInstruction> code = List.of(
                li(1, sector), st(1, dev + Mmio.DISK_SECTOR), li(1, 11), st(1, dev + Mmio.DISK_OFFSET),
                li(1, 12), st(1, dev + Mmio.DISK_ADDR), li(1, 13), st(1, dev + Mmio.DISK_COUNT),
                li(2, 0), li(3, words),
                new TcInstruction(TcOp.LOAD, 4, 2, 0, 0),              // slot 10: array word k (may fault)
                new TcInstruction(TcOp.STORE, 0, 2, 4, Mmio.DISK_BUF), // buffer word k
                new TcInstruction(TcOp.ADDI, 2, 2, 0, 1),
                new TcInstruction(TcOp.CMP, 0, 2, 3, 0),
                new TcInstruction(TcOp.JLT, 0, 0, 0, 10),
                ld(5, dev + Mmio.DISK_OFFSET), ld(6, dev + Mmio.DISK_ADDR), ld(7, dev + Mmio.DISK_COUNT),
                li(1, Mmio.DISK_WRITE), st(1, dev + Mmio.DISK_CMD), TcInstruction.of(TcOp.HALT));
        PagerRuntime.Installed in = PagerRuntime.install(
                new TcProgram(code, tc.computer.isa.TcMachineSpec.fitting(4096, code.size()), data), SEED);
        Devices devices = Devices.inMemory(SEED);
        SeedMachine m = new SeedMachine(in.program(), SEED, devices).withTrapVector(in.trapVector());
        m.run(1_000_000);
        assertNull(m.fault());
        assertTrue(m.halted());
        assertTrue(m.stats().pageFaults() >= words / SEED.pageWords(), "the copy faulted page after page: " + m.stats());
        assertTrue(m.stats().sectorWrites() > 1, "and evicted occupied frames (SWAP_OUT) while the buffer was being filled: " + m.stats());
        assertEquals(List.of(11, 12, 13), List.of(m.register(5), m.register(6), m.register(7)), "DISK_OFFSET, DISK_ADDR, DISK_COUNT");
        int[] got = new int[words];
        devices.disk().disk().read(sector, got);
        assertArrayEquals(data, got, "the sector the program assembled in the buffer");
    }

    private static TcInstruction li(int rd, int v) { return new TcInstruction(TcOp.LI, rd, 0, 0, v); }
    private static TcInstruction st(int rs2, int address) { return new TcInstruction(TcOp.STORE, 0, 0, rs2, address); }
    private static TcInstruction ld(int rd, int address) { return new TcInstruction(TcOp.LOAD, rd, 0, 0, address); }

    @Test
    void pageFaultWithoutHandlerIsADeviceFault() {
        TcProgram p = new TcProgram(List.of(new TcInstruction(TcOp.LOAD, 1, 0, 0, 5), TcInstruction.of(TcOp.HALT)),
                new tc.computer.isa.TcMachineSpec(1024, 2), new int[0]);
        SeedMachine m = new SeedMachine(p, SEED, Devices.inMemory(SEED));
        m.run(10);
        assertEquals("page fault at address 5 (page 0) and no handler (TRAP_VECTOR unset)", m.fault().message());
        assertEquals(0, m.fault().pc());
        assertEquals(1, m.fault().step());
        assertEquals(1, m.stats().pageFaults());
    }

    @Test
    void handlerRefusesConfigurationsItCannotServe() {
        SeedConfig bigPages = new SeedConfig(256, 128, 16, 256, 1, 1024, 64, 48, 64L << 20, 64);
        assertThrows(IllegalArgumentException.class, () -> PagerRuntime.handler(bigPages, 4096, 0));
        SeedConfig manyFrames = new SeedConfig(256, 4, 16, 256, 1, 1024, 64, 48, 64L << 20, 1024);
        assertThrows(IllegalArgumentException.class, () -> PagerRuntime.handler(manyFrames, 4096, 0));
    }

    @Test
    void installKeepsTheOriginalSlotsAndAppendsTheHandler() {
        TcProgram p = new TcProgram(List.of(new TcInstruction(TcOp.LI, 1, 0, 0, 7)), new tc.computer.isa.TcMachineSpec(1024, 4), new int[] {9});
        PagerRuntime.Installed in = PagerRuntime.install(p, SEED);
        assertEquals(4, in.trapVector());
        assertEquals(p.at(0), in.program().at(0));
        assertEquals(TcOp.HALT, in.program().at(3).op());
        assertEquals(TcOp.LI, in.program().at(4).op());
        TcInstruction last = in.program().code().get(in.program().code().size() - 1);
        assertEquals(new TcInstruction(TcOp.STORE, 0, 0, 0, Mmio.register(Mmio.ERET)), last);
        assertArrayEquals(new int[] {9}, in.program().data());
    }
}
