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

        checkAll(spec, params, tau, ports, inputs, steps, loss, "case " + c + " (" + steps + " steps, faults " + String.format("%.3f", faults)
                + ", kernel mass " + String.format("%.3f", kappa) + ")");
    }

    static TcInstruction op(TcOp op, int rd, int rs1, int rs2, int imm) { return new TcInstruction(op, rd, rs1, rs2, imm); }

    /**
     * A page fault with its handler: the program sets TRAP_VECTOR, a load faults, the handler reads
     * FAULT_VPN, writes the PTE through PT_INDEX and PT_VALUE, and returns with ERET; the load is
     * retried. The program is sharp (±100 logits) except the handler's PTE arithmetic (slot 11's
     * opcode among ALU operations and its rd, slot 12's rs1 and immediate, slot 13's rs2: the value
     * stored to PT_VALUE) and the load's offset
     * (slot 2's immediate), so the PTE is real-valued: the retried load's TLB fill, frame and
     * fault mass (a second, fractional trap) depend smoothly on those parameters. (Device
     * registers sit at 0xC000_0000 + r, so a blended base register puts a device access nowhere:
     * the path to them is differentiable only where the program is sharp.) r7 holds DEV_BASE.
     */
    @Test void pageFaultHandlerMatchesCentralDifferences() { handler(new SplittableRandom(1515), false); }

    /**
     * As {@link #pageFaultHandlerMatchesCentralDifferences}, with the handler's ERET store itself
     * off one-hot (slot 14's opcode blends STORE with NOP): ERET is taken with a fraction of the PC
     * mass, so the PC afterwards is split between the retried load (shadow PC, user mode) and the
     * slot after the handler (still kernel mode), κ stays fractional, and the retried load takes
     * both the translated and the kernel's physical path.
     */
    @Test void fractionalEretMatchesCentralDifferences() { handler(new SplittableRandom(1516), true); }

    private static void handler(SplittableRandom random, boolean softEret) {
        int dev = 7;
        java.util.List<TcInstruction> code = new java.util.ArrayList<>(java.util.List.of(
                op(TcOp.LI, 1, 0, 0, 8), op(TcOp.STORE, 0, dev, 1, tc.computer.device.Mmio.TRAP_VECTOR), op(TcOp.LOAD, 2, 0, 0, 13),
                op(TcOp.ADD, 3, 2, 4, 0), op(TcOp.STORE, 0, 0, 3, 20), op(TcOp.HALT, 0, 0, 0, 0), op(TcOp.HALT, 0, 0, 0, 0), op(TcOp.HALT, 0, 0, 0, 0),
                op(TcOp.LOAD, 5, dev, 0, tc.computer.device.Mmio.FAULT_VPN), op(TcOp.ADDI, 6, 5, 0, 4),
                op(TcOp.STORE, 0, dev, 6, tc.computer.device.Mmio.PT_INDEX), op(TcOp.ADD, 8, 5, 5, 0), op(TcOp.ADDI, 8, 8, 0, 3),
                op(TcOp.STORE, 0, dev, 8, tc.computer.device.Mmio.PT_VALUE), op(TcOp.STORE, 0, dev, 0, tc.computer.device.Mmio.ERET),
                op(TcOp.HALT, 0, 0, 0, 0)));
        TcMachineSpec spec = new TcMachineSpec(64, 16);
        TcProgram program = new TcProgram(code, spec, new int[0]);
        for (int c = 0; c < 3; c++) {
            double[] params = TcParams.encode(program, 100);
            int s11 = 11 * TcParams.PER_INSTRUCTION, s12 = 12 * TcParams.PER_INSTRUCTION, s2 = 2 * TcParams.PER_INSTRUCTION;
            TcOp[] alu = {TcOp.ADD, TcOp.SUB, TcOp.XOR, TcOp.MOV};
            for (int j = 0; j < alu.length; j++) params[s11 + TcParams.OPCODE + alu[j].ordinal()] = 2 - 0.8 * j + 0.5 * random.nextGaussian();
            params[s11 + TcParams.RD + 8] = 2 + 0.5 * random.nextGaussian();
            params[s11 + TcParams.RD + 9] = 0.5 * random.nextGaussian();
            params[s12 + TcParams.RS1 + 8] = 2 + 0.5 * random.nextGaussian();
            params[s12 + TcParams.RS1 + 10] = 0.5 * random.nextGaussian();
            int s13 = 13 * TcParams.PER_INSTRUCTION;
            params[s13 + TcParams.RS2 + 8] = 2 + 0.5 * random.nextGaussian();
            params[s13 + TcParams.RS2 + 9] = 0.5 * random.nextGaussian();
            if (softEret) {
                int s14 = 14 * TcParams.PER_INSTRUCTION;
                params[s14 + TcParams.OPCODE + TcOp.STORE.ordinal()] = 1 + 0.5 * random.nextGaussian();
                params[s14 + TcParams.OPCODE + TcOp.NOP.ordinal()] = 0.5 * random.nextGaussian();
            }
            for (int i = 0; i < 5; i++) {
                params[s12 + TcParams.IMM + i] = ((3 >> i & 1) == 1 ? 2 : -2) + 0.5 * random.nextGaussian();
                params[s2 + TcParams.IMM + i] = ((13 >> i & 1) == 1 ? 3 : -3) + 0.5 * random.nextGaussian();
            }
            var tau = new SoftTemperatures(0.5 + random.nextDouble(), 0.5 + random.nextDouble(), 0.5 + random.nextDouble(), 0.3 + random.nextDouble() * 0.5);
            double portTau = 0.25 + 0.1 * random.nextDouble();
            // 11 steps end just after the retried load; a 12th fetches the split PC's blend of the
            // handler's load from the device base (r7 ≈ −2^30) and the program's ADD, whose
            // rounded operands of order 10^9 make the loss jump within 1e-6 of the parameters
            int steps = 11, batch = 2;
            SoftState[] inputs = new SoftState[batch];
            double[][] physInit = new double[batch][SMALL.physicalWords()], targets = new double[batch][4];
            int[] physWords = {20, 21, 22, 40 + random.nextInt(8)};
            for (int b = 0; b < batch; b++) {
                inputs[b] = SoftState.initial(program);
                for (int r = 0; r < 15; r++) inputs[b].withRegister(r, random.nextDouble() * 8 - 4);
                inputs[b].withRegister(0, 0.2 + 0.6 * random.nextDouble());
                inputs[b].withRegister(dev, tc.computer.device.Mmio.DEV_BASE);
                for (int w = 0; w < SMALL.physicalWords(); w++) physInit[b][w] = random.nextDouble() * 8 - 4;
                for (int i = 0; i < 4; i++) targets[b][i] = random.nextDouble() * 10 - 5;
            }
            InMemoryDisk disk = new InMemoryDisk(SMALL.diskSectors(), SMALL.sectorWords());
            IntFunction<SoftMemoryPort> ports = b -> {
                SoftSeed p = new SoftSeed(SMALL, program, portTau, 1, new byte[0], new int[0], disk);
                System.arraycopy(physInit[b], 0, p.physical(), 0, SMALL.physicalWords());
                p.pageTable()[6] = 2 * 5 + 1; // page 2 in frame 5; page 1 (the load's) unmapped
                return p;
            };
            // the loaded register (restored registers aside, ERET brings back the shadow bank) and physical words
            SoftGradients.SeedLoss loss = (b, s, phys, gReg, gPhys) -> {
                double d = s.reg[2] - targets[b][0], l = d * d;
                gReg[2] += 2 * d;
                for (int i = 1; i < 4; i++) {
                    double e = phys[physWords[i]] - targets[b][i];
                    l += e * e;
                    gPhys[physWords[i]] += 2 * e;
                }
                return l;
            };
            double faults = 0, kappa = 0;
            for (int b = 0; b < batch; b++) {
                SoftSeed p = (SoftSeed) ports.apply(b);
                SoftState s = inputs[b].copy();
                SoftMachine m = new SoftMachine(spec, params, tau, p);
                for (int t = 0; t < steps; t++) m.step(s);
                faults += p.pageFaults();
                kappa += p.kernelMode();
            }
            // a fractional ERET leaves a real part of the mass in kernel mode
            if (softEret) assertTrue(kappa > 0.05 * batch && kappa < 0.95 * batch, "case " + c + ": kernel mass " + kappa);
            // per element a whole fault, then the retried load's fractional one
            assertTrue(faults > 1.01 * batch && faults < 1.99 * batch, "case " + c + ": faults " + faults);
            // with ERET's mass split, kernel-mode accesses at the device base r7 ≈ −2^30 (blended addresses,
            // latched FAULT_ADDR values of order 2^30) make the loss's curvature in r7 huge a little
            // away from the exact base, though its slope there is the analytic one: a 1e-7 step resolves it
            checkAll(spec, params, tau, ports, inputs, steps, loss, 1e-5, softEret ? 1e-7 : 1e-5, (softEret ? "fractional ERET case " : "handler case ") + c + " (" + steps + " steps, faults "
                    + String.format("%.3f", faults) + ", kernel mass " + String.format("%.3f", kappa) + ")");
        }
    }

    /** Gradients through device registers outside the MMU are refused, naming the register. */
    @Test void consoleOutputIsRefused() {
        TcProgram program = new TcProgram(java.util.List.of(op(TcOp.LI, 1, 0, 0, 65), op(TcOp.STORE, 0, 7, 1, tc.computer.device.Mmio.CONSOLE_OUT),
                op(TcOp.HALT, 0, 0, 0, 0), op(TcOp.HALT, 0, 0, 0, 0)), new TcMachineSpec(64, 4), new int[0]);
        InMemoryDisk disk = new InMemoryDisk(SMALL.diskSectors(), SMALL.sectorWords());
        SoftState in = SoftState.initial(program).withRegister(7, tc.computer.device.Mmio.DEV_BASE);
        var e = org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> SoftGradients.computeSeed(program.spec(),
                TcParams.encode(program, 100), SoftTemperatures.of(0.5), b -> new SoftSeed(SMALL, program, 0.5, 1, new byte[0], new int[0], disk),
                new SoftState[] {in}, 3, (b, s, phys, gReg, gPhys) -> 0));
        assertTrue(e.getMessage().contains("device register 0 (store"), e.getMessage());
    }

    /** Reverse mode against central differences for every parameter group and the initial registers. */
    static void checkAll(TcMachineSpec spec, double[] params, SoftTemperatures tau, IntFunction<SoftMemoryPort> ports, SoftState[] inputs, int steps,
                         SoftGradients.SeedLoss loss, String what) {
        checkAll(spec, params, tau, ports, inputs, steps, loss, 1e-5, what);
    }

    /** As above with step {@code h} for the logits and initial registers (0.3·h for the immediate bits). */
    static void checkAll(TcMachineSpec spec, double[] params, SoftTemperatures tau, IntFunction<SoftMemoryPort> ports, SoftState[] inputs, int steps,
                         SoftGradients.SeedLoss loss, double step, String what) {
        checkAll(spec, params, tau, ports, inputs, steps, loss, step, step, what);
    }

    /** As above with its own step for the initial registers. */
    static void checkAll(TcMachineSpec spec, double[] params, SoftTemperatures tau, IntFunction<SoftMemoryPort> ports, SoftState[] inputs, int steps,
                         SoftGradients.SeedLoss loss, double step, double registerStep, String what) {
        SoftGradients.SeedResult result = SoftGradients.computeSeed(spec, params, tau, ports, inputs, steps, loss);
        assertEquals(SoftGradients.seedLoss(spec, params, tau, ports, inputs, steps, loss), result.loss(), 1e-12 * Math.abs(result.loss()));
        double[] numeric = new double[params.length];
        for (int i = 0; i < params.length; i++) {
            double h = i % TcParams.PER_INSTRUCTION >= TcParams.IMM ? 0.3 * step : step, keep = params[i];
            double[] f = new double[4], offsets = {2 * h, h, -h, -2 * h};
            for (int q = 0; q < 4; q++) {
                params[i] = keep + offsets[q];
                f[q] = SoftGradients.seedLoss(spec, params, tau, ports, inputs, steps, loss);
            }
            params[i] = keep;
            numeric[i] = (-f[0] + 8 * f[1] - 8 * f[2] + f[3]) / (12 * h);
        }
        if (System.getenv("TC_DEBUG_GRAD") != null)
            for (int i = 0; i < params.length; i++)
                if (Math.abs(result.gradient()[i] - numeric[i]) > 1e-6 * (1 + Math.abs(numeric[i])))
                    System.out.printf("DEBUG slot %d param %d: analytic %.6e numeric %.6e%n", i / TcParams.PER_INSTRUCTION, i % TcParams.PER_INSTRUCTION, result.gradient()[i], numeric[i]);
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
        double diff = 0, norm = 0;
        for (int b = 0; b < inputs.length; b++)
            for (int r = 0; r < TcMachineSpec.REGISTERS; r++) {
                double h = registerStep, keep = inputs[b].reg[r];
                double[] f = new double[4], offsets = {2 * h, h, -h, -2 * h};
                for (int q = 0; q < 4; q++) {
                    inputs[b].withRegister(r, keep + offsets[q]);
                    f[q] = SoftGradients.seedLoss(spec, params, tau, ports, inputs, steps, loss);
                }
                inputs[b].withRegister(r, keep);
                double num = (-f[0] + 8 * f[1] - 8 * f[2] + f[3]) / (12 * h);
                if (System.getenv("TC_DEBUG_GRAD") != null && Math.abs(result.initialRegisters()[b][r] - num) > 1e-6 * (1 + Math.abs(num)))
                    System.out.printf("DEBUG element %d register %d: analytic %.6e numeric %.6e%n", b, r, result.initialRegisters()[b][r], num);
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
