package tc.computer.soft.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc.computer.device.Devices;
import tc.computer.device.Mmio;
import tc.computer.engine.TcState;
import tc.computer.interp.SeedMachine;
import tc.computer.isa.SeedConfig;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcParams;
import tc.computer.isa.TcProgram;
import tc.computer.soft.SoftMachine;
import tc.computer.soft.SoftState;
import tc.computer.soft.SoftTemperatures;

/**
 * The soft machine with {@link SoftDevices} as its port against {@link SeedMachine}: random
 * programs of register arithmetic, forward branches and LOAD/STORE to the GPU, console and
 * framebuffer registers and GPU memory (no main-memory access, which the seed machine pages and
 * the soft one does not yet), at τ = 1e-3 on ±1 logits: registers, flags, PC, steps, outputs,
 * console, GPU memory, RESULT and pixels equal, state for state at the end of each run. 10,000
 * programs by default ({@code -Dtc.softseed.programs=K}).
 */
class SoftSeedDifferentialTest {
    /** The seed preset's CPU side with small devices (512 GPU words, 16×16 pixels, 64 sectors): 10,000 programs stay fast. */
    static final SeedConfig CONFIG = new SeedConfig(256, 16, 16, 256, 1, 512, 16, 16, 64L * 4096, 1024);
    static final int DEV = 7, GPU = 8; // base registers holding DEV_BASE and GPU_BASE

    static TcInstruction li(int rd, int v) { return new TcInstruction(TcOp.LI, rd, 0, 0, v); }

    static TcInstruction store(int rs2, int base, int imm) { return new TcInstruction(TcOp.STORE, 0, base, rs2, imm); }

    static TcInstruction load(int rd, int base, int imm) { return new TcInstruction(TcOp.LOAD, rd, base, 0, imm); }

    /** Blocks of instructions; a block may end in a forward conditional jump to a later block. */
    static TcProgram randomProgram(SplittableRandom r) {
        List<List<TcInstruction>> blocks = new ArrayList<>();
        List<int[]> jumps = new ArrayList<>(); // {block, skip}
        blocks.add(List.of(li(DEV, Mmio.DEV_BASE), li(GPU, Mmio.GPU_BASE), li(1, 8), store(1, DEV, Mmio.GPU_A), li(1, 16),
                store(1, DEV, Mmio.GPU_B), li(1, 24), store(1, DEV, Mmio.GPU_C), li(1, 2), store(1, DEV, Mmio.GPU_N),
                store(1, DEV, Mmio.GPU_M), store(1, DEV, Mmio.GPU_K)));
        int count = 10 + r.nextInt(30);
        for (int b = 0; b < count; b++) {
            List<TcInstruction> block = new ArrayList<>();
            int x = 1 + r.nextInt(6), y = 1 + r.nextInt(6), z = 1 + r.nextInt(6);
            switch (r.nextInt(9)) {
                case 0 -> block.add(li(x, r.nextInt(201) - 100));
                case 1 -> {
                    TcOp[] ops = {TcOp.ADD, TcOp.SUB, TcOp.MUL, TcOp.AND, TcOp.XOR, TcOp.OR};
                    block.add(new TcInstruction(ops[r.nextInt(ops.length)], x, y, z, 0));
                }
                case 2 -> block.add(store(x, DEV, Mmio.CONSOLE_OUT));
                case 3 -> { // draw a pixel
                    block.add(li(1, r.nextInt(8)));
                    block.add(store(1, DEV, Mmio.FB_X));
                    block.add(li(1, r.nextInt(8)));
                    block.add(store(1, DEV, Mmio.FB_Y));
                    block.add(store(x, DEV, Mmio.FB_RGB));
                }
                case 4 -> { // set operands and launch a kernel
                    block.add(li(1, r.nextInt(100)));
                    block.add(store(1, DEV, Mmio.GPU_A + r.nextInt(3)));
                    block.add(li(1, r.nextInt(5)));
                    block.add(store(1, DEV, Mmio.GPU_N + r.nextInt(3)));
                    block.add(store(x, DEV, Mmio.GPU_S));
                    block.add(li(1, 1 + r.nextInt(7)));
                    block.add(store(1, DEV, Mmio.GPU_RUN));
                }
                case 5 -> block.add(store(x, GPU, r.nextInt(128)));
                case 6 -> {
                    block.add(load(x, GPU, r.nextInt(128)));
                    block.add(new TcInstruction(TcOp.OUT, 0, x, 0, 0));
                }
                case 7 -> {
                    int[] readable = {Mmio.GPU_RESULT, Mmio.FB_RGB, Mmio.FB_X, Mmio.GPU_S, Mmio.GPU_N};
                    block.add(load(x, DEV, readable[r.nextInt(readable.length)]));
                    block.add(new TcInstruction(TcOp.OUT, 0, x, 0, 0));
                }
                default -> {
                    block.add(new TcInstruction(TcOp.CMP, 0, x, y, 0));
                    jumps.add(new int[] {blocks.size(), 1 + r.nextInt(3)});
                    block.add(null); // the jump, once targets are known
                }
            }
            blocks.add(block);
        }
        blocks.add(List.of(new TcInstruction(TcOp.HALT, 0, 0, 0, 0)));
        int[] start = new int[blocks.size()];
        for (int b = 1; b < blocks.size(); b++) start[b] = start[b - 1] + blocks.get(b - 1).size();
        TcOp[] conds = {TcOp.JZ, TcOp.JNZ, TcOp.JLT, TcOp.JGE, TcOp.JLE, TcOp.JGT};
        for (int[] j : jumps) {
            int target = start[Math.min(blocks.size() - 1, j[0] + j[1])];
            List<TcInstruction> block = blocks.get(j[0]);
            block.set(block.size() - 1, new TcInstruction(conds[r.nextInt(conds.length)], 0, 0, 0, target));
        }
        List<TcInstruction> code = new ArrayList<>();
        blocks.forEach(code::addAll);
        return new TcProgram(code, TcMachineSpec.fitting(1024, code.size()), new int[0]);
    }

    @Test void softMachineWithDevicesEqualsTheSeedMachine() {
        SplittableRandom r = new SplittableRandom(85);
        int programs = Integer.getInteger("tc.softseed.programs", 10_000);
        long outputs = 0, steps = 0;
        for (int p = 0; p < programs; p++) {
            TcProgram program = randomProgram(r);
            SeedMachine seed = new SeedMachine(program, CONFIG, Devices.inMemory(CONFIG));
            TcState expected = seed.run(10_000);
            assertTrue(seed.halted(), "program " + p + ": " + seed.fault());
            SoftDevices devices = new SoftDevices(CONFIG, 1e-3, 0);
            double[] params = TcParams.encode(program, 1.0);
            SoftMachine soft = new SoftMachine(program.spec(), params, SoftTemperatures.of(1e-3), devices);
            TcState got = soft.run(SoftState.initial(program), 10_000).toTcState();
            String where = "program " + p;
            assertEquals(expected.pc(), got.pc(), where);
            assertEquals(expected.halted(), got.halted(), where);
            assertEquals(expected.steps(), got.steps(), where);
            assertEquals(expected.outputs(), got.outputs(), where);
            for (int i = 0; i < TcMachineSpec.REGISTERS; i++) assertEquals(expected.register(i), got.register(i), where + " r" + i);
            assertEquals(java.util.Arrays.toString(expected.flags()), java.util.Arrays.toString(got.flags()), where + " flags");
            assertEquals(0.0, devices.unsupported(), where);
            byte[] out = seed.devices().console().output();
            assertEquals(out.length, devices.console().size(), where);
            for (int i = 0; i < out.length; i++) assertEquals(out[i] & 0xFF, devices.console().get(i)[0], where);
            for (int i = 0; i < 256; i++) assertEquals(seed.devices().gpu().word(i), devices.gpu().mem[i], where + " GPU word " + i);
            assertEquals(seed.devices().gpu().result(), devices.gpu().result, where);
            assertEquals((double) seed.stats().gpuKernels(), devices.gpuKernels(), where + " kernels");
            assertEquals((double) seed.stats().busGpu(), devices.gpuKernels(), where + " GPU bus grants");
            for (int y = 0; y < 8; y++)
                for (int x = 0; x < 8; x++) assertEquals(seed.devices().framebuffer().get(x, y), devices.pixel(x, y), where);
            outputs += expected.outputs().size();
            steps += expected.steps();
        }
        assertTrue(outputs > programs && steps > 10L * programs, outputs + " outputs, " + steps + " steps");
    }
}
