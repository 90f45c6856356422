package tc.computer.soft.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc.computer.device.Mmio;
import tc.computer.engine.TcState;
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
 * Content addressing reached from the ISA: programs that store keys to the proposed CONTENT_KEY
 * register and load CONTENT_FOUND, CONTENT_ADDR and CONTENT_RESULT, run on the soft machine with a
 * {@link SoftDevices} port over its own memory at τ = 1e-3; the words loaded must be those of
 * {@link SoftContentHead#discrete} on the memory as the program has changed it (the discrete seed
 * machine does not implement these registers: they are a proposal).
 */
class SoftContentDeviceTest {
    static final int DEV = 7;

    @Test void programsLookUpKeysThroughTheContentRegisters() {
        SplittableRandom r = new SplittableRandom(95);
        int found = 0, missing = 0;
        for (int p = 0; p < 60; p++) {
            int words = 64;
            int[] mem = new int[words];
            for (int i = 0; i < 40; i++) mem[i] = r.nextInt(30);
            int[] data = mem.clone();
            int shift = r.nextInt(3) - 1;
            List<TcInstruction> code = new ArrayList<>(List.of(new TcInstruction(TcOp.LI, DEV, 0, 0, Mmio.DEV_BASE),
                    new TcInstruction(TcOp.LI, 1, 0, 0, shift),
                    new TcInstruction(TcOp.STORE, 0, DEV, 1, SoftContentHead.CONTENT_SHIFT)));
            List<Integer> expected = new ArrayList<>();
            for (int q = 0; q < 12; q++) {
                if (r.nextInt(3) == 0) { // change memory between lookups: the head reads it live
                    int at = r.nextInt(40), v = r.nextInt(30);
                    code.add(new TcInstruction(TcOp.LI, 3, 0, 0, v));
                    code.add(new TcInstruction(TcOp.STORE, 0, 14, 3, at));
                    mem[at] = v;
                }
                int key = r.nextInt(36);
                code.add(new TcInstruction(TcOp.LI, 1, 0, 0, key));
                code.add(new TcInstruction(TcOp.STORE, 0, DEV, 1, SoftContentHead.CONTENT_KEY));
                for (int reg : new int[] {SoftContentHead.CONTENT_FOUND, SoftContentHead.CONTENT_ADDR, SoftContentHead.CONTENT_RESULT}) {
                    code.add(new TcInstruction(TcOp.LOAD, 2, DEV, 0, reg));
                    code.add(new TcInstruction(TcOp.OUT, 0, 2, 0, 0));
                }
                var d = SoftContentHead.discrete(mem, key, shift);
                expected.addAll(List.of(d.found(), d.addr(), d.result()));
                if (d.found() == 1) found++;
                else missing++;
            }
            code.add(new TcInstruction(TcOp.HALT, 0, 0, 0, 0));
            TcProgram program = new TcProgram(code, TcMachineSpec.fitting(words, code.size()), data);
            SoftState s = SoftState.initial(program);
            SoftDevices devices = new SoftDevices(SeedConfig.SEED, 1e-3, 0, s.mem);
            TcState end = new SoftMachine(program.spec(), TcParams.encode(program, 1.0), SoftTemperatures.of(1e-3), devices)
                    .run(s, 10_000).toTcState();
            assertTrue(end.halted());
            assertEquals(expected, end.outputs(), "program " + p);
            assertEquals(0.0, devices.unsupported());
            for (int i = 0; i < words; i++) assertEquals(mem[i], s.mem[i], "program " + p + " word " + i);
        }
        assertTrue(found > 100 && missing > 100, found + " found, " + missing + " missing");
    }

    @Test void withoutMemoryTheContentRegistersAreUnsupported() {
        SoftDevices devices = new SoftDevices(SeedConfig.SEED, 1e-3, 0);
        devices.store(Mmio.register(SoftContentHead.CONTENT_KEY), 5, 1);
        assertEquals(1.0, devices.unsupported());
    }
}
