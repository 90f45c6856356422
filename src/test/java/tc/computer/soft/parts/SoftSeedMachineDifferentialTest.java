package tc.computer.soft.parts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc.computer.device.Console;
import tc.computer.device.Devices;
import tc.computer.device.InMemoryDisk;
import tc.computer.device.Mmio;
import tc.computer.interp.SeedMachine;
import tc.computer.isa.SeedConfig;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcParams;
import tc.computer.isa.TcProgram;
import tc.computer.runtime.PagerRuntime;
import tc.computer.soft.SoftMachine;
import tc.computer.soft.SoftState;
import tc.computer.soft.SoftTemperatures;

/**
 * The soft seed machine (the soft CPU with a {@link SoftSeed} port, τ = 1e-3, ±1 logits) against
 * {@link SeedMachine}, state for state, on random programs that use every part: main memory
 * through the TLB, page tables and cache with {@link PagerRuntime} installed (page faults, traps,
 * the shadow bank, ERET, PT_INDEX/PT_VALUE, TLB_FLUSH, SWAP_IN/SWAP_OUT in the handler), the
 * stack (PUSH/POP, CALL/RET), GPU memory and kernels, console out and in, the framebuffer, the
 * keyboard, MMU registers read from user mode, user disk sector commands (WRITE, READ,
 * DMA_IN, DMA_OUT, the buffer) and the content head (CONTENT_SHIFT, CONTENT_KEY, FOUND, ADDR,
 * RESULT over physical memory). The CPU (pc, registers, flags, mode, steps, outputs) is compared after
 * every step; the whole state (memory, page tables, TLB and cache contents and recency, shadow
 * bank, devices, disk, statistics) every 50 steps and at the end. 10,000 programs on a small
 * configuration ({@code -Dtc.softseed.small=K}) and 200 on the {@code seed} preset
 * ({@code -Dtc.softseed.preset=K}).
 */
class SoftSeedMachineDifferentialTest {
    /** 64 physical words in 8 frames of 8 words, 4 TLB entries, 16 cache lines of 2 words, 64 sectors of 64 words. */
    static final SeedConfig SMALL = new SeedConfig(64, 8, 4, 16, 2, 256, 8, 8, 64L * 64 * 4, 64);
    static final int DEV = 7, GPU = 8, BUF = 9, ZERO = 10;

    static TcInstruction li(int rd, int v) { return new TcInstruction(TcOp.LI, rd, 0, 0, v); }
    static TcInstruction st(int rs2, int base, int imm) { return new TcInstruction(TcOp.STORE, 0, base, rs2, imm); }
    static TcInstruction ld(int rd, int base, int imm) { return new TcInstruction(TcOp.LOAD, rd, base, 0, imm); }
    static TcInstruction out(int r) { return new TcInstruction(TcOp.OUT, 0, r, 0, 0); }

    /**
     * Blocks of instructions; a block may end in a forward conditional jump to a later block, and
     * a call block is CALL +2, JMP +3, RET (targets fixed once the layout is known).
     */
    static TcProgram randomProgram(SplittableRandom r, SeedConfig config, int virtualWords) {
        long userSectors = config.userSectors(virtualWords);
        List<List<TcInstruction>> blocks = new ArrayList<>();
        List<int[]> jumps = new ArrayList<>();
        List<Integer> calls = new ArrayList<>();
        blocks.add(new ArrayList<>(List.of(li(DEV, Mmio.DEV_BASE), li(GPU, Mmio.GPU_BASE), li(BUF, Mmio.DISK_BUF), li(ZERO, 0),
                li(1, -1 /* the trap vector, set below */), st(1, DEV, Mmio.TRAP_VECTOR), li(1, 2), st(1, DEV, Mmio.GPU_N))));
        int count = 8 + r.nextInt(16);
        for (int b = 0; b < count; b++) {
            List<TcInstruction> block = new ArrayList<>();
            int x = 1 + r.nextInt(6), y = 1 + r.nextInt(6), z = 1 + r.nextInt(6);
            switch (r.nextInt(18)) {
                case 0 -> block.add(li(x, r.nextInt(201) - 100));
                case 1 -> {
                    TcOp[] ops = {TcOp.ADD, TcOp.SUB, TcOp.MUL, TcOp.AND, TcOp.XOR, TcOp.OR};
                    block.add(new TcInstruction(ops[r.nextInt(ops.length)], x, y, z, 0));
                }
                case 2 -> block.add(st(x, DEV, Mmio.CONSOLE_OUT));
                case 3 -> {
                    block.add(li(1, r.nextInt(config.width())));
                    block.add(st(1, DEV, Mmio.FB_X));
                    block.add(li(1, r.nextInt(config.height())));
                    block.add(st(1, DEV, Mmio.FB_Y));
                    block.add(st(x, DEV, Mmio.FB_RGB));
                }
                case 4 -> {
                    block.add(li(1, r.nextInt(64)));
                    block.add(st(1, DEV, Mmio.GPU_A + r.nextInt(3)));
                    block.add(st(x, DEV, Mmio.GPU_S));
                    block.add(li(1, 1 + r.nextInt(7)));
                    block.add(st(1, DEV, Mmio.GPU_RUN));
                }
                case 5 -> {
                    block.add(st(x, GPU, r.nextInt(96)));
                    block.add(ld(y, GPU, r.nextInt(96)));
                }
                case 6, 7 -> block.add(st(x, ZERO, r.nextInt(virtualWords)));
                case 8, 9 -> {
                    block.add(ld(x, ZERO, r.nextInt(virtualWords)));
                    block.add(out(x));
                }
                case 10 -> {
                    block.add(new TcInstruction(TcOp.PUSH, 0, x, 0, 0));
                    block.add(new TcInstruction(TcOp.POP, y, 0, 0, 0));
                    block.add(out(y));
                }
                case 11 -> {
                    int[] readable = {Mmio.CONSOLE_IN, Mmio.KEY_IN, Mmio.KEY_COUNT, Mmio.MODE, Mmio.TRAP_VECTOR, Mmio.FAULT_VPN,
                            Mmio.FAULT_ADDR, Mmio.GPU_RESULT, Mmio.FB_RGB, Mmio.DISK_SECTOR, Mmio.GPU_S};
                    block.add(ld(x, DEV, readable[r.nextInt(readable.length)]));
                    block.add(out(x));
                }
                case 12 -> { // a user sector: write a word through the buffer, read it back
                    block.add(li(1, r.nextInt((int) userSectors)));
                    block.add(st(1, DEV, Mmio.DISK_SECTOR));
                    int w = r.nextInt(config.sectorWords());
                    block.add(st(x, BUF, w));
                    block.add(li(1, Mmio.DISK_WRITE));
                    block.add(st(1, DEV, Mmio.DISK_CMD));
                    block.add(st(y, BUF, w));
                    block.add(li(1, Mmio.DISK_READ));
                    block.add(st(1, DEV, Mmio.DISK_CMD));
                    block.add(ld(z, BUF, w));
                    block.add(out(z));
                }
                case 13 -> { // DMA_OUT (physical memory into the buffer) or DMA_IN (into a user frame, not the pager's frame 0)
                    int n = 1 + r.nextInt(4);
                    int off = r.nextInt(config.sectorWords() - n + 1);
                    boolean in = r.nextBoolean();
                    int lo = in ? config.pageWords() : 0;
                    block.add(li(1, off));
                    block.add(st(1, DEV, Mmio.DISK_OFFSET));
                    block.add(li(1, lo + r.nextInt(config.physicalWords() - lo - n + 1)));
                    block.add(st(1, DEV, Mmio.DISK_ADDR));
                    block.add(li(1, n));
                    block.add(st(1, DEV, Mmio.DISK_COUNT));
                    block.add(li(1, in ? Mmio.DISK_DMA_IN : Mmio.DISK_DMA_OUT));
                    block.add(st(1, DEV, Mmio.DISK_CMD));
                    block.add(ld(x, BUF, off + r.nextInt(n)));
                    block.add(out(x));
                }
                case 14 -> { // MMU from user mode: flush a page or all, read a page-table word
                    block.add(li(1, r.nextInt(4) == 0 ? -1 : r.nextInt(virtualWords / config.pageWords())));
                    block.add(st(1, DEV, Mmio.TLB_FLUSH));
                    block.add(li(1, r.nextInt(8)));
                    block.add(st(1, DEV, Mmio.PT_INDEX));
                    block.add(ld(x, DEV, Mmio.PT_VALUE));
                    block.add(out(x));
                }
                case 16 -> { // the content head over physical memory: a key that is there (a small value, a data value) or not
                    block.add(li(1, r.nextInt(5) - 2));
                    block.add(st(1, DEV, Mmio.CONTENT_SHIFT));
                    block.add(r.nextBoolean() ? li(x, r.nextInt(4)) : li(x, r.nextInt(2001) - 1000));
                    block.add(st(x, DEV, Mmio.CONTENT_KEY));
                    for (int reg : new int[] {Mmio.CONTENT_FOUND, Mmio.CONTENT_ADDR, Mmio.CONTENT_RESULT}) {
                        block.add(ld(y, DEV, reg));
                        block.add(out(y));
                    }
                }
                case 15 -> {
                    calls.add(blocks.size());
                    block.add(null);
                    block.add(null);
                    block.add(new TcInstruction(TcOp.RET, 0, 0, 0, 0));
                }
                default -> {
                    block.add(new TcInstruction(TcOp.CMP, 0, x, y, 0));
                    jumps.add(new int[] {blocks.size(), 1 + r.nextInt(3)});
                    block.add(null);
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
        for (int c : calls) {
            List<TcInstruction> block = blocks.get(c);
            block.set(0, new TcInstruction(TcOp.CALL, 0, 0, 0, start[c] + 2));
            block.set(1, new TcInstruction(TcOp.JMP, 0, 0, 0, start[c] + 3));
        }
        List<TcInstruction> code = new ArrayList<>();
        blocks.forEach(code::addAll);
        TcMachineSpec spec = TcMachineSpec.fitting(virtualWords, code.size());
        code.set(4, li(1, spec.slots())); // PagerRuntime.install appends the handler at slot spec.slots()
        int[] data = new int[r.nextInt(virtualWords / 2)];
        for (int i = 0; i < data.length; i++) data[i] = r.nextInt(2001) - 1000;
        return new TcProgram(code, spec, data);
    }

    /** Runs both machines in lockstep; returns {steps, page faults, sector writes}. */
    static long[] compare(TcProgram user, SeedConfig config, SplittableRandom r, String where) {
        PagerRuntime.Installed installed = PagerRuntime.install(user, config);
        TcProgram program = installed.program();
        byte[] input = new byte[r.nextInt(6)];
        for (int i = 0; i < input.length; i++) input[i] = (byte) r.nextInt(256);
        int[] keys = r.ints(r.nextInt(5), -50, 50).toArray();
        InMemoryDisk disk = new InMemoryDisk(config.diskSectors(), config.sectorWords());
        Devices devices = new Devices(config, new Console(input), disk);
        devices.keyboard().enqueueAll(keys);
        SeedMachine m = new SeedMachine(program, config, devices);
        SoftSeed port = new SoftSeed(config, program, 1e-3, 0, input, keys, new InMemoryDisk(config.diskSectors(), config.sectorWords()));
        SoftMachine soft = new SoftMachine(program.spec(), TcParams.encode(program, 1.0), SoftTemperatures.of(1e-3), port);
        SoftState s = SoftState.initial(program);
        int limit = 20_000;
        while (!m.halted() && m.fault() == null && m.steps() < limit) {
            m.step();
            soft.step(s);
            String at = where + " step " + m.steps() + " (pc " + m.pc() + ")";
            if (m.fault() != null) throw new AssertionError(at + ": the seed machine faulted: " + m.fault());
            SoftSeedStates.assertCpu(m, s, port, at);
            if (m.steps() % 50 == 0) SoftSeedStates.assertAll(m, s, port, at);
        }
        assertTrue(m.halted(), where + " did not halt in " + limit + " steps");
        SoftSeedStates.assertAll(m, s, port, where + " at the end");
        return new long[] {m.steps(), m.stats().pageFaults(), m.stats().sectorWrites()};
    }

    private static void run(SeedConfig config, int virtualWords, int programs, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long steps = 0, faults = 0, writes = 0;
        for (int p = 0; p < programs; p++) {
            long[] got = compare(randomProgram(r, config, virtualWords), config, r, "program " + p);
            steps += got[0];
            faults += got[1];
            writes += got[2];
        }
        System.out.println("soft seed differential: " + programs + " programs, " + steps + " steps, " + faults + " page faults, " + writes + " sector writes");
        // the runs did page: faults, and evictions written back
        assertTrue(faults > programs && writes > 0 && steps > 20L * programs, steps + " steps, " + faults + " faults, " + writes + " writes");
    }

    @Test void smallMachine() { run(SMALL, 256, Integer.getInteger("tc.softseed.small", 10_000), 151); }

    @Test void seedPreset() { run(SeedConfig.SEED, 1024, Integer.getInteger("tc.softseed.preset", 200), 152); }
}
