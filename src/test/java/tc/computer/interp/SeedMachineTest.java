package tc.computer.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tc.computer.isa.TcOp.*;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tc.computer.device.Console;
import tc.computer.device.Devices;
import tc.computer.device.InMemoryDisk;
import tc.computer.device.Mmio;
import tc.computer.isa.SeedConfig;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcProgram;
import tc.computer.memory.MachineStats;

/** The seed machine's device registers, traps, shadow bank and device faults, one behaviour each. */
class SeedMachineTest {
    static final SeedConfig CFG = new SeedConfig(64, 8, 4, 16, 1, 64, 8, 6, 32L * 64 * 4, 64);

    static TcInstruction i(TcOp op, int rd, int rs1, int rs2, int imm) { return new TcInstruction(op, rd, rs1, rs2, imm); }
    static TcInstruction li(int rd, int v) { return i(LI, rd, 0, 0, v); }
    /** STORE r{src} to device register r (r0 must be 0). */
    static TcInstruction out(int reg, int src) { return i(STORE, 0, 0, src, Mmio.register(reg)); }
    /** LOAD device register r into r{dst}. */
    static TcInstruction in(int dst, int reg) { return i(LOAD, dst, 0, 0, Mmio.register(reg)); }

    static SeedMachine machine(List<TcInstruction> code, Devices devices) {
        return new SeedMachine(new TcProgram(code, TcMachineSpec.fitting(256, code.size()), new int[0]), CFG, devices);
    }

    static SeedMachine run(TcInstruction... code) {
        SeedMachine m = machine(List.of(code), Devices.inMemory(CFG));
        m.run(10_000);
        return m;
    }

    @Test
    void consoleEchoesInputUntilMinusOne() {
        Devices d = new Devices(CFG, new ByteArrayInputStream("hi!".getBytes()), null, new InMemoryDisk(CFG.diskSectors(), CFG.sectorWords()));
        List<TcInstruction> code = List.of(
                in(1, Mmio.CONSOLE_IN), li(2, -1), i(CMP, 0, 1, 2, 0), i(JZ, 0, 0, 0, 6), out(Mmio.CONSOLE_OUT, 1), i(JMP, 0, 0, 0, 0),
                i(HALT, 0, 0, 0, 0));
        SeedMachine m = machine(code, d);
        m.run(1000);
        assertTrue(m.halted());
        assertEquals("hi!", d.console().outputText());
        assertEquals(4 + 3, m.stats().busCpu(), "four console reads, three writes");
    }

    @Test
    void keyboardQueue() {
        Devices d = Devices.inMemory(CFG);
        d.keyboard().enqueueAll(42, 7);
        SeedMachine m = machine(List.of(in(1, Mmio.KEY_COUNT), in(2, Mmio.KEY_IN), in(3, Mmio.KEY_IN), in(4, Mmio.KEY_IN), i(HALT, 0, 0, 0, 0)), d);
        m.run(100);
        assertNull(m.fault());
        assertEquals(2, m.register(1));
        assertEquals(42, m.register(2));
        assertEquals(7, m.register(3));
        assertEquals(-1, m.register(4));
    }

    @Test
    void framebufferDrawsAndReadsBack() {
        SeedMachine m = run(li(1, 7), li(2, 5), li(3, 0xABCDEF), out(Mmio.FB_X, 1), out(Mmio.FB_Y, 2), out(Mmio.FB_RGB, 3),
                li(3, 0), in(4, Mmio.FB_RGB), in(5, Mmio.FB_X), i(HALT, 0, 0, 0, 0));
        assertNull(m.fault());
        assertEquals(0xABCDEF, m.devices().framebuffer().get(7, 5));
        assertEquals(0xABCDEF, m.register(4));
        assertEquals(7, m.register(5));
    }

    @Test
    void pixelOutsideStopsTheRunWithNoEffect() {
        SeedMachine m = run(li(1, 8), out(Mmio.FB_X, 1), li(3, 1), out(Mmio.FB_RGB, 3), li(4, 1));
        assertEquals("pixel (8, 0) is outside the 8×6 framebuffer", m.fault().message());
        assertEquals(3, m.fault().pc());
        assertEquals(4, m.fault().step());
        assertEquals(3, m.pc(), "the pc stays on the faulting instruction");
        assertEquals(4, m.steps());
        assertEquals(0, m.register(4));
        assertFalse(m.halted());
        m.step();
        assertEquals(4, m.steps(), "a faulted machine does not step");
    }

    @Test
    void gpuThroughMemoryMappedIo() {
        List<TcInstruction> code = new ArrayList<>();
        code.add(li(1, 3));
        code.add(i(STORE, 0, 0, 1, Mmio.GPU_BASE));      // a[0] = 3
        code.add(li(1, 4));
        code.add(i(STORE, 0, 0, 1, Mmio.GPU_BASE + 1));  // a[1] = 4
        code.add(li(1, 0)); code.add(out(Mmio.GPU_A, 1)); code.add(out(Mmio.GPU_B, 1));
        code.add(li(1, 2)); code.add(out(Mmio.GPU_N, 1));
        code.add(li(1, Mmio.GPU_DOT)); code.add(out(Mmio.GPU_RUN, 1));
        code.add(in(2, Mmio.GPU_RESULT));                // 9 + 16
        code.add(li(1, 10)); code.add(out(Mmio.GPU_C, 1));
        code.add(li(1, -5)); code.add(out(Mmio.GPU_S, 1));
        code.add(li(1, Mmio.GPU_SCALE)); code.add(out(Mmio.GPU_RUN, 1));
        code.add(i(LOAD, 3, 0, 0, Mmio.GPU_BASE + 11));  // −5 · 4
        code.add(i(HALT, 0, 0, 0, 0));
        SeedMachine m = machine(code, Devices.inMemory(CFG));
        m.run(100);
        assertNull(m.fault());
        assertEquals(25, m.register(2));
        assertEquals(-20, m.register(3));
        MachineStats s = m.stats();
        assertEquals(2, s.gpuKernels());
        assertEquals(2, s.busGpu());
    }

    @Test
    void userDiskSectorsPersistThroughTheBuffer() {
        Devices d = Devices.inMemory(CFG);
        SeedMachine m = machine(List.of(li(1, 77), i(STORE, 0, 0, 1, Mmio.DISK_BUF + 5), li(2, 3), out(Mmio.DISK_SECTOR, 2),
                li(3, Mmio.DISK_WRITE), out(Mmio.DISK_CMD, 3), li(1, 0), i(STORE, 0, 0, 1, Mmio.DISK_BUF + 5),
                li(3, Mmio.DISK_READ), out(Mmio.DISK_CMD, 3), i(LOAD, 4, 0, 0, Mmio.DISK_BUF + 5), i(HALT, 0, 0, 0, 0)), d);
        m.run(100);
        assertNull(m.fault());
        assertEquals(77, m.register(4));
        int[] sector = new int[CFG.sectorWords()];
        assertEquals(2, m.stats().busDma());
        try {
            d.disk().disk().read(3, sector);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(77, sector[5]);
    }

    @Test
    void userModeCannotReachTheSwapArea() {
        // 256 virtual words = 4 swap sectors of 64 words at the end of a 32-sector disk
        SeedMachine m = run(li(2, 28), out(Mmio.DISK_SECTOR, 2), li(3, Mmio.DISK_READ), out(Mmio.DISK_CMD, 3));
        assertEquals("sector 28 is outside the disk (0..27)", m.fault().message());
    }

    @Test
    void userModeCannotSwap() {
        // sector 28 is the first swap sector: kernel mode could swap it, user mode may not
        for (int cmd : new int[] {Mmio.DISK_SWAP_IN, Mmio.DISK_SWAP_OUT}) {
            SeedMachine m = run(li(2, 28), out(Mmio.DISK_SECTOR, 2), li(3, cmd), out(Mmio.DISK_CMD, 3));
            assertEquals("disk command " + (cmd == Mmio.DISK_SWAP_IN ? "SWAP_IN" : "SWAP_OUT")
                    + " is for the page-fault handler only (kernel mode)", m.fault().message());
            assertEquals(3, m.fault().pc());
        }
    }

    @Test
    void busErrorsAndRegisterDirections() {
        assertEquals("bus error: no device at address 0xc0000004", run(in(1, 4)).fault().message());
        assertEquals("bus error: no device at address 0x80000040", run(i(LOAD, 1, 0, 0, Mmio.GPU_BASE + 64)).fault().message());
        assertEquals("bus error: no device at address 0xc0010040", run(i(LOAD, 1, 0, 0, Mmio.DISK_BUF + 64)).fault().message());
        assertEquals("register CONSOLE_OUT is write-only", run(in(1, Mmio.CONSOLE_OUT)).fault().message());
        assertEquals("register GPU_RUN is write-only", run(in(1, Mmio.GPU_RUN)).fault().message());
        assertEquals("register MODE is read-only", run(out(Mmio.MODE, 1)).fault().message());
        assertEquals("register FAULT_VPN is read-only", run(out(Mmio.FAULT_VPN, 1)).fault().message());
        assertEquals("ERET outside a trap handler (the machine is in user mode)", run(out(Mmio.ERET, 1)).fault().message());
        assertEquals("unknown disk command 0 (1 READ, 2 WRITE, 3 DMA_IN, 4 DMA_OUT, 5 SWAP_IN, 6 SWAP_OUT)", run(out(Mmio.DISK_CMD, 0)).fault().message());
        assertEquals("page-table index 1000 is outside the page-table RAM (0..39)",
                run(li(1, 1000), out(Mmio.PT_INDEX, 1), in(2, Mmio.PT_VALUE)).fault().message());
        SeedMachine pushed = run(li(15, 0), i(PUSH, 0, 1, 0, 0));
        assertEquals("bus error: no device at address 0xffffffff", pushed.fault().message());
        assertEquals(0, pushed.register(15), "a faulting PUSH does not move sp");
    }

    /**
     * A hand-written handler: it records what the trap gave it in physical memory, maps the page
     * to frame 1 and returns; the faulting STORE then completes and the user registers come back.
     */
    @Test
    void trapShadowBankAndEret() {
        int handler = 8;
        List<TcInstruction> code = new ArrayList<>(List.of(
                li(1, handler), out(Mmio.TRAP_VECTOR, 1), li(5, 123), li(15, 100), li(6, 1), i(CMP, 0, 6, 0, 0),
                i(PUSH, 0, 5, 0, 0),                         // slot 6: faults on page 99 >> 3 = 12
                i(HALT, 0, 0, 0, 0),
                // handler (slot 8): clobber registers, record the trap, map page → frame 1, ERET
                in(1, Mmio.FAULT_VPN), in(2, Mmio.FAULT_ADDR), in(3, Mmio.MODE),
                i(STORE, 0, 0, 1, 16), i(STORE, 0, 0, 2, 17), i(STORE, 0, 0, 3, 18), i(STORE, 0, 0, 15, 19),
                li(4, 12 >>> 2), out(Mmio.PT_INDEX, 4), in(4, Mmio.PT_VALUE), i(ADDI, 4, 4, 0, 12 & 3), out(Mmio.PT_INDEX, 4),
                li(5, 1 << 1 | 1), out(Mmio.PT_VALUE, 5), li(15, -7), li(0, 0), i(CMP, 0, 0, 0, 0),
                out(Mmio.ERET, 0)));
        SeedMachine m = machine(code, Devices.inMemory(CFG));
        m.run(1000);
        assertNull(m.fault());
        assertTrue(m.halted());
        assertEquals(7, m.pc());
        assertEquals(1, m.stats().pageFaults());
        assertEquals(12, m.memory().peek(16), "FAULT_VPN");
        assertEquals(99, m.memory().peek(17), "FAULT_ADDR");
        assertEquals(1, m.memory().peek(18), "MODE in the handler");
        assertEquals(100, m.memory().peek(19), "sp did not move on the faulting PUSH");
        assertEquals(99, m.register(15), "the PUSH ran again after ERET");
        assertEquals(123, m.register(5), "registers restored");
        assertEquals(handler, m.register(1));
        assertArrayEquals(new int[] {0, 0, 0, 0}, new int[] {m.flag(0), m.flag(1), m.flag(2), m.flag(3)},
                "flags restored (CMP 1,0 gave Z=0 N=0; the handler's CMP 0,0 gave Z=1)");
        assertEquals(123, m.memory().peek(1 * 8 + 99 % 8), "the value is in frame 1");
        assertEquals(123, m.virtualWord(99));
        assertFalse(m.kernelMode());
        assertEquals(6, m.shadowPc());
        assertEquals(100, m.shadowRegisters()[15]);
        assertEquals(12, m.faultVpn());
        assertEquals(99, m.faultAddr());
        assertEquals(handler, m.trapVector());
        assertEquals(code.size() - handler, m.steps() - m.userSteps() - 1, "every handler instruction ran once, plus the faulting step");
    }

    @Test
    void loaderReservesFrameZeroAndPutsDataInSwap() {
        TcProgram p = new TcProgram(List.of(i(HALT, 0, 0, 0, 0)), new TcMachineSpec(256, 1), new int[] {5, 6, 7});
        SeedMachine m = new SeedMachine(p, CFG, Devices.inMemory(CFG));
        assertEquals(1, m.memory().peek(0), "the clock hand starts at frame 1");
        for (int k = 1; k < CFG.frames(); k++) assertEquals(0, m.memory().peek(k), "frame " + k + " is free");
        assertEquals(28, m.devices().disk().firstSwapSector());
        assertEquals(7, m.devices().disk().swapWord(2));
        assertEquals(6, m.virtualWord(1));
        assertEquals(256, m.register(15));
        assertEquals(-1, run(in(1, Mmio.TRAP_VECTOR)).register(1));
        assertThrows(IllegalArgumentException.class, () -> new SeedMachine(p, SeedConfig.SEED, Devices.inMemory(CFG)));
    }

    @Test
    void consoleOfTheDevicesIsTheOneGiven() {
        Console c = new Console("x".getBytes());
        Devices d = new Devices(CFG, c, new InMemoryDisk(CFG.diskSectors(), CFG.sectorWords()));
        assertEquals(c, d.console());
        assertThrows(IllegalArgumentException.class, () -> new Devices(CFG, c, new InMemoryDisk(3, CFG.sectorWords())));
    }
}
