package tc.computer.soft.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc.computer.device.Devices;
import tc.computer.device.Framebuffer;
import tc.computer.device.Mmio;
import tc.computer.interp.SeedMachine;
import tc.computer.isa.SeedConfig;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcProgram;

/**
 * The device side of the soft seed step against {@link SeedMachine}: random programs of LOADs and
 * STOREs to the GPU, console and framebuffer registers and to GPU memory run on the discrete seed
 * machine, and the same accesses, one-hot, go through {@link SoftDevices}; every value loaded, the
 * console output, GPU memory and RESULT, and every pixel drawn must be equal.
 */
class SoftDevicesTest {
    static final SeedConfig CONFIG = SeedConfig.SEED;

    /** One MMIO access of the program: a store of value, or a load (then OUT). */
    record Access(boolean store, int address, int value) {}

    static List<Access> randomAccesses(SplittableRandom r, int count) {
        List<Access> list = new ArrayList<>();
        int[] gpuRegs = {Mmio.GPU_A, Mmio.GPU_B, Mmio.GPU_C, Mmio.GPU_N, Mmio.GPU_M, Mmio.GPU_K, Mmio.GPU_S};
        // registers start at 0; set sane operands first so every launch is in range
        for (int reg : gpuRegs) list.add(new Access(true, Mmio.register(reg), reg == Mmio.GPU_S ? 3 : reg <= Mmio.GPU_C ? 8 * (reg - 31) : 2));
        for (int i = 0; i < count; i++) {
            int kind = r.nextInt(10);
            list.add(switch (kind) {
                case 0 -> new Access(true, Mmio.register(gpuRegs[r.nextInt(3)]), r.nextInt(200));
                case 1 -> new Access(true, Mmio.register(gpuRegs[3 + r.nextInt(3)]), r.nextInt(6));
                case 2 -> new Access(true, Mmio.register(Mmio.GPU_S), r.nextInt(41) - 20);
                case 3 -> new Access(true, Mmio.register(Mmio.GPU_RUN), 1 + r.nextInt(7));
                case 4 -> new Access(true, Mmio.GPU_BASE + r.nextInt(256), r.nextBoolean() ? r.nextInt() : r.nextInt(100) - 50);
                case 5 -> new Access(true, Mmio.register(Mmio.CONSOLE_OUT), r.nextInt());
                case 6 -> new Access(true, Mmio.register(r.nextBoolean() ? Mmio.FB_X : Mmio.FB_Y), r.nextInt(8));
                case 7 -> new Access(true, Mmio.register(Mmio.FB_RGB), r.nextInt());
                case 8 -> new Access(false, Mmio.GPU_BASE + r.nextInt(256), 0);
                default -> {
                    int[] readable = {Mmio.FB_X, Mmio.FB_Y, Mmio.FB_RGB, Mmio.GPU_A, Mmio.GPU_N, Mmio.GPU_S, Mmio.GPU_RESULT};
                    yield new Access(false, Mmio.register(readable[r.nextInt(readable.length)]), 0);
                }
            });
        }
        return list;
    }

    static TcProgram program(List<Access> accesses) {
        List<TcInstruction> code = new ArrayList<>();
        for (Access a : accesses) {
            if (a.store()) {
                code.add(new TcInstruction(TcOp.LI, 1, 0, 0, a.value()));
                code.add(new TcInstruction(TcOp.STORE, 0, 14, 1, a.address()));
            } else {
                code.add(new TcInstruction(TcOp.LOAD, 2, 14, 0, a.address()));
                code.add(new TcInstruction(TcOp.OUT, 0, 2, 0, 0));
            }
        }
        code.add(new TcInstruction(TcOp.HALT, 0, 0, 0, 0));
        return new TcProgram(code, TcMachineSpec.fitting(1024, code.size()), new int[0]);
    }

    @Test void oneHotAccessesEqualTheSeedMachinesDevices() {
        SplittableRandom r = new SplittableRandom(75);
        int launches = 0, loads = 0;
        for (int p = 0; p < 40; p++) {
            List<Access> accesses = randomAccesses(r, 150);
            SeedMachine machine = new SeedMachine(program(accesses), CONFIG, Devices.inMemory(CONFIG));
            machine.run(10_000);
            assertTrue(machine.halted(), "program " + p + " halted: " + machine.fault());
            SoftDevices soft = new SoftDevices(CONFIG, 1e-3, 0);
            List<Integer> softOut = new ArrayList<>();
            for (Access a : accesses) {
                assertEquals(0.0, soft.memoryShare(a.address()));
                if (a.store()) {
                    soft.store(a.address(), a.value(), 1);
                    if (a.address() == Mmio.register(Mmio.GPU_RUN)) launches++;
                } else {
                    double v = soft.load(a.address(), 1);
                    assertEquals(Math.rint(v), v, "an exact word");
                    softOut.add((int) v);
                    loads++;
                }
            }
            assertEquals(0.0, soft.unsupported(), "program " + p);
            assertEquals(machine.outputs(), softOut, "program " + p + ": the values loaded");
            byte[] out = machine.devices().console().output();
            assertEquals(out.length, soft.console().size(), "program " + p + ": console bytes");
            for (int i = 0; i < out.length; i++) {
                assertEquals(out[i] & 0xFF, soft.console().get(i)[0]);
                assertEquals(1.0, soft.console().get(i)[1]);
            }
            var gpu = machine.devices().gpu();
            for (int i = 0; i < 512; i++) assertEquals(gpu.word(i), soft.gpu().mem[i], "program " + p + " GPU word " + i);
            assertEquals(gpu.result(), soft.gpu().result);
            Framebuffer fb = machine.devices().framebuffer();
            for (int y = 0; y < 8; y++)
                for (int x = 0; x < 8; x++) assertEquals(fb.get(x, y), soft.pixel(x, y), "program " + p + " pixel " + x + "," + y);
            assertTrue(soft.pixelsTouched() <= 64, "the framebuffer is materialised only where drawn");
        }
        assertTrue(launches > 300 && loads > 500, launches + " launches, " + loads + " loads");
    }

    @Test void betweenIntegersAccessesSplitAndUnmodelledPartsAreCounted() {
        SoftDevices soft = new SoftDevices(CONFIG, 1, 0);
        soft.store(Mmio.GPU_BASE + 2.25, 8, 1);
        assertEquals(6.0, soft.gpu().mem[2], 1e-12);
        assertEquals(2.0, soft.gpu().mem[3], 1e-12);
        assertEquals(0.75 * 6 + 0.25 * 2, soft.load(Mmio.GPU_BASE + 2.25, 1), 1e-12);
        assertEquals(1.0, soft.memoryShare(100));
        soft.store(Mmio.register(Mmio.DISK_CMD), 1, 0.5);
        assertEquals(0.5, soft.unsupported(), 0.0);
        soft.load(-1, 1); // a bus error
        assertEquals(1.5, soft.unsupported(), 0.0);
    }
}
