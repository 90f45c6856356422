package tc.computer.soft.parts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc.computer.device.InMemoryDisk;
import tc.computer.isa.TcParams;
import tc.computer.isa.TcProgram;
import tc.computer.runtime.PagerRuntime;
import tc.computer.soft.SoftMachine;
import tc.computer.soft.SoftState;
import tc.computer.soft.SoftTemperatures;

/**
 * The soft seed machine away from one-hot (τ = 0.3 and 1: every instruction a blend, page faults
 * of fractional mass): the fault gating and the trap keep the PC a distribution, the kernel-mode
 * mass stays in [0, 1] and the state finite. The soft CPU's own PC mass is not exactly 1 there:
 * rounding error grows about twofold per step once the PC is spread (the fetched opcode mass is
 * the PC mass; the {@code cpu} machine does the same: on program 4 here its PC mass is off by 1e-3
 * at step 47, and the seed machine's is NaN by step 61), so runs are 25 steps, the mass checked to 1e-6, where a leak of the trap (page-fault
 * masses here are ~1e-3) would show.
 */
class SoftSeedBlendTest {
    @Test void blendedRunsKeepThePcADistribution() {
        SplittableRandom r = new SplittableRandom(7);
        var config = SoftSeedMachineDifferentialTest.SMALL;
        int trapped = 0;
        for (int p = 0; p < 40; p++) {
            TcProgram program = PagerRuntime.install(SoftSeedMachineDifferentialTest.randomProgram(r, config, 256), config).program();
            double tau = p % 2 == 0 ? 0.3 : 1.0;
            SoftSeed port = new SoftSeed(config, program, tau, tau, new byte[] {1, 2, 3}, new int[] {4, 5},
                    new InMemoryDisk(config.diskSectors(), config.sectorWords()));
            double[] params = TcParams.encode(program, 1.0);
            SoftMachine soft = new SoftMachine(program.spec(), params, SoftTemperatures.of(tau), port);
            SoftState s = SoftState.initial(program);
            for (int t = 0; t < 25; t++) {
                soft.step(s);
                double mass = 0;
                for (int k = 0; k < program.spec().slots(); k++) mass += s.pc(k);
                assertTrue(Math.abs(mass - 1) < 1e-6, "program " + p + " step " + t + ": PC mass " + mass);
                assertTrue(port.kernelMode() >= 0 && port.kernelMode() <= 1, "kernel mass " + port.kernelMode());
                for (int i = 0; i < 16; i++) assertTrue(Double.isFinite(s.register(i)), "program " + p + " tau " + tau + " step " + t + " register " + i + " = " + s.register(i) + " pc mass " + mass);
            }
            double faults = port.pageFaults();
            if (faults > 0 && faults != Math.rint(faults)) trapped++;
            for (double w : port.physical()) assertTrue(Double.isFinite(w));
        }
        assertTrue(trapped > 10, "runs with fractional page-fault mass: " + trapped);
    }
}
