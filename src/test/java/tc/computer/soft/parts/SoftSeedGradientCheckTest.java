package tc.computer.soft.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import tc.computer.device.InMemoryDisk;
import tc.computer.isa.RandomInstructions;
import tc.computer.isa.SeedConfig;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcParams;
import tc.computer.isa.TcProgram;
import tc.computer.soft.SoftGradients;
import tc.computer.soft.SoftMachine;
import tc.computer.soft.SoftMemoryPort;
import tc.computer.soft.SoftState;
import tc.computer.soft.SoftTemperatures;

/**
 * Reverse-mode gradients through the soft {@code seed} machine ({@link SoftGradients#computeSeed})
 * against fourth-order central differences, per parameter group (opcode logits, the three register
 * selectors, immediate bits) and for the initial registers. Small configuration (64 physical words,
 * pages of 8 words, 4 TLB entries); some pages mapped, others not, so the accesses hit and miss the
 * TLB, fill it, and page-fault: the fault's mass gates the opcode weights, saves the shadow bank,
 * moves PC mass to the trap vector and raises the kernel-mode mass, after which accesses also take
 * the kernel's physical path. Shifts are left out, as in {@code SoftGradientCheckTest}.
 */
class SoftSeedGradientCheckTest {
    /** 64 physical words in 8 frames of 8 words, 4 TLB entries, 16 cache lines of 2 words, 64 sectors of 64 words. */
    static final SeedConfig SMALL = new SeedConfig(64, 8, 4, 16, 2, 256, 8, 8, 64L * 64 * 4, 64);
    static final String[] GROUPS = {"opcode", "rd", "rs1", "rs2", "imm"};
    static final int[] GROUP_FROM = {TcParams.OPCODE, TcParams.RD, TcParams.RS1, TcParams.RS2, TcParams.IMM};
    static final int[] GROUP_TO = {TcParams.RD, TcParams.RS1, TcParams.RS2, TcParams.IMM, TcParams.PER_INSTRUCTION};
    static final TcOp[] SHIFTS = {TcOp.SHL, TcOp.SHR, TcOp.SRA};

    /** A random noisy program on the memory path: page faults (no handler: the vector is −1), traps, kernel mode. */
    @Test void memoryPathMatchesCentralDifferences() {
        SplittableRandom random = new SplittableRandom(15);
        for (int c = 0; c < 3; c++) check(random, c);
    }

    private static void check(SplittableRandom random, int c) {
        TcProgram program = withoutShifts(RandomInstructions.program(random, 64, 8));
        TcMachineSpec spec = program.spec();
        double[] params = TcParams.encode(program, 1.0);
        for (int i = 0; i < params.length; i++) params[i] += random.nextGaussian() * 0.7;
        for (int k = 0; k < spec.slots(); k++) {
            for (TcOp shift : SHIFTS) params[k * TcParams.PER_INSTRUCTION + TcParams.OPCODE + shift.ordinal()] = -100;
            for (int i = 5; i < TcParams.IMM_BITS; i++) params[k * TcParams.PER_INSTRUCTION + TcParams.IMM + i] = -40;
        }
        var tau = new SoftTemperatures(0.5 + random.nextDouble(), 0.5 + random.nextDouble(), 0.5 + random.nextDouble(), 0.3 + random.nextDouble() * 0.5);
        double portTau = 0.4 + 0.5 * random.nextDouble();
        int batch = 3, steps = 3 + random.nextInt(4);
        if (Integer.getInteger("debug.steps") != null) steps = Integer.getInteger("debug.steps");
        SoftState[] inputs = new SoftState[batch];
        double[][] physInit = new double[batch][SMALL.physicalWords()], regTargets = new double[batch][4], physTargets = new double[batch][4];
        int[] physWords = {3 * 8 + random.nextInt(8), 5 * 8 + random.nextInt(8), random.nextInt(40), random.nextInt(40)};
        for (int b = 0; b < batch; b++) {
            inputs[b] = SoftState.initial(program);
            for (int r = 0; r < 15; r++) inputs[b].withRegister(r, random.nextDouble() * 8 - 4);
            // sp inside page 7, off the integers: at sp = 64 the pop address's page jumps between 7 and 0
            inputs[b].withRegister(TcMachineSpec.SP, 58.2 + 3.6 * random.nextDouble());
            for (int w = 0; w < SMALL.physicalWords(); w++) physInit[b][w] = random.nextDouble() * 8 - 4;
            for (int i = 0; i < 4; i++) {
                regTargets[b][i] = random.nextDouble() * 10 - 5;
                physTargets[b][i] = random.nextDouble() * 10 - 5;
            }
        }
        InMemoryDisk disk = new InMemoryDisk(SMALL.diskSectors(), SMALL.sectorWords());
        // pages 0 and 2 mapped (frames 3 and 5); the others fault
        IntFunction<SoftMemoryPort> ports = b -> {
            SoftSeed p = new SoftSeed(SMALL, program, portTau, 1, new byte[0], new int[0], disk);
            System.arraycopy(physInit[b], 0, p.physical(), 0, SMALL.physicalWords());
            p.pageTable()[4] = 2 * 3 + 1;
            p.pageTable()[6] = 2 * 5 + 1;
            return p;
        };
        SoftGradients.SeedLoss loss = (b, s, phys, gReg, gPhys) -> {
            double l = 0;
            for (int i = 0; i < 4; i++) {
                double d = s.reg[i] - regTargets[b][i], e = phys[physWords[i]] - physTargets[b][i];
                l += d * d + e * e;
                gReg[i] += 2 * d;
                gPhys[physWords[i]] += 2 * e;
            }
            return l;
        };
        // the cases exercise what they claim: page faults and kernel mode
        double faults = 0, kappa = 0;
        for (int b = 0; b < batch; b++) {
            SoftSeed p = (SoftSeed) ports.apply(b);
            SoftState s = inputs[b].copy();
            SoftMachine m = new SoftMachine(spec, params, tau, p);
            for (int t = 0; t < steps; t++) m.step(s);
            faults += p.pageFaults();
            kappa += p.kernelMode();
        }
        assertTrue(faults > 0.05 && kappa > 0.01, "case " + c + ": faults " + faults + ", kernel mass " + kappa);

        SoftGradients.SeedResult result = SoftGradients.computeSeed(spec, params, tau, ports, inputs, steps, loss);
        assertEquals(SoftGradients.seedLoss(spec, params, tau, ports, inputs, steps, loss), result.loss(), 1e-12 * Math.abs(result.loss()));
        double[] numeric = new double[params.length];
        for (int i = 0; i < params.length; i++) {
            double h = i % TcParams.PER_INSTRUCTION >= TcParams.IMM ? 3e-6 : 1e-5, keep = params[i];
            double[] f = new double[4], offsets = {2 * h, h, -h, -2 * h};
            for (int q = 0; q < 4; q++) {
                params[i] = keep + offsets[q];
                f[q] = SoftGradients.seedLoss(spec, params, tau, ports, inputs, steps, loss);
            }
            params[i] = keep;
            numeric[i] = (-f[0] + 8 * f[1] - 8 * f[2] + f[3]) / (12 * h);
        }
        String what = "case " + c + " (loss " + String.format("%.3e", result.loss()) + ", " + steps + " steps, faults " + String.format("%.3f", faults)
                + ", kernel mass " + String.format("%.3f", kappa) + ")";
        if (Boolean.getBoolean("debug.grad")) for (int i = 0; i < params.length; i++) {
            double err = Math.abs(result.gradient()[i] - numeric[i]);
            if (err > 1e-5) {
                double keep = params[i], h = 1e-6;
                params[i] = keep + h;
                double fp = SoftGradients.seedLoss(spec, params, tau, ports, inputs, steps, loss);
                params[i] = keep - h;
                double fm = SoftGradients.seedLoss(spec, params, tau, ports, inputs, steps, loss);
                params[i] = keep;
                System.out.printf("DEBUG param %d (slot %d, field %d): reverse %.9e numeric %.9e numeric(1e-6) %.9e%n", i, i / TcParams.PER_INSTRUCTION,
                        i % TcParams.PER_INSTRUCTION, result.gradient()[i], numeric[i], (fp - fm) / (2 * h));
            }
        }
        for (int g = 0; g < GROUPS.length; g++) {
            double diff = 0, norm = 0;
            for (int k = 0; k < spec.slots(); k++)
                for (int i = GROUP_FROM[g]; i < GROUP_TO[g]; i++) {
                    int at = k * TcParams.PER_INSTRUCTION + i;
                    diff += sq(result.gradient()[at] - numeric[at]);
                    norm += sq(numeric[at]);
                }
            assertRelative(what + " " + GROUPS[g], diff, norm);
        }
        // the initial registers (sp included)
        double diff = 0, norm = 0;
        for (int b = 0; b < batch; b++)
            for (int r = 0; r < TcMachineSpec.REGISTERS; r++) {
                double h = 1e-5, keep = inputs[b].reg[r];
                double[] f = new double[4], offsets = {2 * h, h, -h, -2 * h};
                for (int q = 0; q < 4; q++) {
                    inputs[b].withRegister(r, keep + offsets[q]);
                    f[q] = SoftGradients.seedLoss(spec, params, tau, ports, inputs, steps, loss);
                }
                inputs[b].withRegister(r, keep);
                double num = (-f[0] + 8 * f[1] - 8 * f[2] + f[3]) / (12 * h);
                diff += sq(result.initialRegisters()[b][r] - num);
                norm += sq(num);
            }
        assertRelative(what + " initial registers", diff, norm);
    }

    static void assertRelative(String what, double diff, double norm) {
        double rel = Math.sqrt(diff / norm);
        System.out.printf("soft seed gradients %s: |grad| %.3e rel err %.2e%n", what, Math.sqrt(norm), rel);
        assertTrue(norm > 1e-12, what + ": the gradient vanished");
        assertTrue(rel <= 1e-6, what + ": relative error " + rel);
    }

    private static TcProgram withoutShifts(TcProgram p) {
        var code = p.code().stream().map(ins -> java.util.Arrays.asList(SHIFTS).contains(ins.op())
                ? new TcInstruction(TcOp.ADD, ins.rd(), ins.rs1(), ins.rs2(), 0) : ins).toList();
        return new TcProgram(code, p.spec(), p.data());
    }

    private static double sq(double x) { return x * x; }
}
