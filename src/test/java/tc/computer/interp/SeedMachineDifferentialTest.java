package tc.computer.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc.computer.device.Devices;
import tc.computer.engine.TcState;
import tc.computer.isa.RandomInstructions;
import tc.computer.isa.SeedConfig;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcProgram;
import tc.computer.runtime.PagerRuntime;

/**
 * Random programs that use no device run on the seed machine, with the generated pager and every
 * page starting on disk, exactly as on the flat {@link TcMachine}: registers, flags, pc, outputs
 * and the whole virtual memory after every compared prefix. A program is compared up to the first
 * instruction whose address would be negative (that is a device on the seed machine) or whose RET
 * would leave the program's slots (the seed program has more slots, so the wrap differs).
 */
class SeedMachineDifferentialTest {
    /** Small memory, so that random programs evict pages all the time. */
    static final SeedConfig TINY = new SeedConfig(64, 8, 4, 16, 2, 256, 8, 8, 64L * 64 * 4, 64);

    @Test
    void randomProgramsEqualTheFlatMachineOnTinyMemory() { compare(TINY, 1024, 1500, 1); }

    @Test
    void randomProgramsEqualTheFlatMachineOnTheSeedPreset() { compare(SeedConfig.SEED, 4096, 300, 2); }

    private static void compare(SeedConfig config, int virtualWords, int programs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long compared = 0, faults = 0, writeBacks = 0, halted = 0;
        for (int n = 0; n < programs; n++) {
            int length = (1 << (3 + random.nextInt(3))) - 1; // slot 2^k − 1 stays HALT: no fall-through past the end
            TcProgram program = RandomInstructions.program(random, virtualWords, length);
            int slots = program.spec().slots();
            TcMachine flat = new TcMachine(program);
            long limit = 0;
            while (limit < 400 && !flat.halted() && safe(flat, program.at(flat.pc()), slots)) {
                flat.step();
                limit++;
            }
            TcState want = flat.state();

            PagerRuntime.Installed installed = PagerRuntime.install(program, config);
            SeedMachine m = new SeedMachine(installed.program(), config, Devices.inMemory(config)).withTrapVector(installed.trapVector());
            while (m.userSteps() < limit && !m.halted() && m.fault() == null && m.steps() < 1_000_000) m.step();
            assertNull(m.fault(), () -> "program " + program);
            assertFalse(m.kernelMode());
            assertEquals(limit, m.userSteps(), "user steps");
            TcState got = m.state();
            String where = "program " + program + " after " + limit + " steps";
            assertEquals(want.pc(), got.pc(), where);
            assertEquals(want.halted(), got.halted(), where);
            assertArrayEquals(want.registers(), got.registers(), where);
            assertArrayEquals(want.flags(), got.flags(), where);
            assertEquals(want.outputs(), got.outputs(), where);
            assertArrayEquals(want.memory(), got.memory(), where);
            compared += limit;
            faults += m.stats().pageFaults();
            writeBacks += m.stats().sectorWrites();
            if (want.halted()) halted++;
        }
        assertTrue(compared > programs * 5L, "compared steps: " + compared);
        assertTrue(faults > programs, "page faults: " + faults);
        assertTrue(writeBacks > 0, "evictions: " + writeBacks);
        assertTrue(halted > 0);
    }

    /** Whether the next instruction means the same on both machines. */
    private static boolean safe(TcMachine m, TcInstruction ins, int slots) {
        int sp = m.register(TcMachineSpec.SP);
        return switch (ins.op()) {
            case LOAD, STORE -> m.register(ins.rs1()) + ins.imm() >= 0;
            case PUSH, CALL -> sp - 1 >= 0;
            case POP -> sp >= 0;
            case RET -> sp >= 0 && m.memory(sp) >= 0 && m.memory(sp) < slots;
            default -> true;
        };
    }
}
