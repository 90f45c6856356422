package tc.computer.soft.parts;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static tc.computer.soft.parts.SoftSeedGradientCheckTest.SMALL;
import static tc.computer.soft.parts.SoftSeedGradientCheckTest.op;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import tc.computer.device.InMemoryDisk;
import tc.computer.device.Mmio;
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
 * Reverse-mode gradients through the soft {@code seed} machine's device side, as a whole machine
 * ({@link SoftGradients#computeSeed}), against fourth-order central differences per parameter group
 * and for the initial registers: GPU memory stores and loads, the launch latches, GPU_RUN (kernel
 * weights and S into {@link SoftGpu#backward}) and GPU_RESULT.
 *
 * <p>Device addresses are sharp (a blended base register would put the access nowhere, see
 * {@code SoftSeedGradientCheckTest}); what flows is the data: an ALU instruction with blended
 * opcode, destination and source, a store with a blended source register, a real scalar S and a
 * fractional GPU_RUN value (two neighbouring kernels blended), from noisy immediate bits.
 */
class SoftSeedDeviceGradientCheckTest {
    /** A register holding 0: device addresses are the immediate (a base register of order 2^31 would amplify rounding of its selector). */
    static final int ZERO = 13, DEV = ZERO, GPU = ZERO;
    static final int D = Mmio.DEV_BASE, G = Mmio.GPU_BASE;

    /** Random small programs that fill GPU memory from registers, set the latches, launch one (blended) kernel and read back. */
    @Test void gpuLaunchesMatchCentralDifferences() {
        SplittableRandom random = new SplittableRandom(1539);
        int[] kernels = {SoftGpu.MATMUL, SoftGpu.DOT, SoftGpu.SCALE};
        for (int c = 0; c < kernels.length; c++) gpuCase(random, c, kernels[c]);
    }

    private static void gpuCase(SplittableRandom random, int c, int kernel) {
        int a = random.nextInt(4), b = 8 + random.nextInt(4), out = 16 + random.nextInt(4), s = 1 + random.nextInt(3);
        List<TcInstruction> code = new ArrayList<>(List.of(
                op(TcOp.ADD, 10, 1, 2, 0), op(TcOp.STORE, 0, GPU, 10, G + a), op(TcOp.STORE, 0, GPU, 2, G + b + 1),
                op(TcOp.LI, 8, 0, 0, s), op(TcOp.STORE, 0, DEV, 8, D + Mmio.GPU_S),
                op(TcOp.LI, 9, 0, 0, kernel + 1), op(TcOp.STORE, 0, DEV, 9, D + Mmio.GPU_RUN),
                op(TcOp.LOAD, 1, GPU, 0, G + out), op(TcOp.LOAD, 2, GPU, 0, G + out + 1), op(TcOp.LOAD, 3, GPU, 0, G + out + 3),
                op(TcOp.LOAD, 4, DEV, 0, D + Mmio.GPU_RESULT)));
        int steps = code.size();
        while (code.size() < 16) code.add(op(TcOp.HALT, 0, 0, 0, 0));
        TcProgram program = new TcProgram(code, new TcMachineSpec(64, 16), new int[0]);
        double[] params = TcParams.encode(program, 100);
        int p0 = 0, p2 = 2 * TcParams.PER_INSTRUCTION, pS = 3 * TcParams.PER_INSTRUCTION, pRun = 5 * TcParams.PER_INSTRUCTION;
        TcOp[] alu = {TcOp.ADD, TcOp.SUB, TcOp.MOV};
        for (int j = 0; j < alu.length; j++) params[p0 + TcParams.OPCODE + alu[j].ordinal()] = 1.5 - 0.8 * j + 0.4 * random.nextGaussian();
        params[p0 + TcParams.RD + 10] = 2 + 0.4 * random.nextGaussian();
        params[p0 + TcParams.RD + 11] = 0.4 * random.nextGaussian();
        params[p0 + TcParams.RS1 + 1] = 2 + 0.4 * random.nextGaussian();
        params[p0 + TcParams.RS1 + 3] = 0.4 * random.nextGaussian();
        params[p2 + TcParams.RS2 + 2] = 2 + 0.4 * random.nextGaussian();
        params[p2 + TcParams.RS2 + 11] = 0.4 * random.nextGaussian();
        for (int i = 0; i < 3; i++) {
            params[pS + TcParams.IMM + i] = ((s >> i & 1) == 1 ? 2 : -2) + 0.5 * random.nextGaussian();
            params[pRun + TcParams.IMM + i] = ((kernel + 1 >> i & 1) == 1 ? 2.5 : -2.5) + 0.5 * random.nextGaussian();
        }
        // GPU memory and the launch latches A..K are loaded before the run (as the page table is in
        // SoftSeedGradientCheckTest): a longer program would only add sharp steps
        double[] gpuInit = CentralDifferences.random(random, 24, -2, 2);
        int[] operands = {a, b, out, 2, 2, 2};
        var tau = new SoftTemperatures(0.5 + random.nextDouble(), 0.5 + random.nextDouble(), 0.5 + random.nextDouble(), 0.3 + random.nextDouble() * 0.5);
        double portTau = 0.25 + 0.1 * random.nextDouble();
        int batch = 2;
        SoftState[] inputs = new SoftState[batch];
        double[][] targets = new double[batch][5];
        for (int e = 0; e < batch; e++) {
            inputs[e] = SoftState.initial(program);
            for (int r = 0; r < 15; r++) inputs[e].withRegister(r, random.nextDouble() * 4 - 2);
            inputs[e].withRegister(ZERO, 0);
            for (int i = 0; i < 5; i++) targets[e][i] = random.nextDouble() * 6 - 3;
        }
        InMemoryDisk disk = new InMemoryDisk(SMALL.diskSectors(), SMALL.sectorWords());
        IntFunction<SoftMemoryPort> ports = e -> {
            SoftSeed p = new SoftSeed(SMALL, program, portTau, 0.5, new byte[0], new int[0], disk);
            System.arraycopy(gpuInit, 0, p.devices().gpu().mem, 0, gpuInit.length);
            for (int k = 0; k < operands.length; k++) p.devices().latches()[Mmio.GPU_A + k] = operands[k];
            return p;
        };
        int[] lossRegisters = {1, 2, 3, 4, 10};
        SoftGradients.SeedLoss loss = (e, st, phys, gReg, gPhys) -> {
            double l = 0;
            for (int i = 0; i < lossRegisters.length; i++) {
                double d = st.reg[lossRegisters[i]] - targets[e][i];
                l += d * d;
                gReg[lossRegisters[i]] += 2 * d;
            }
            return l;
        };
        // the case exercises what it claims: a launch of fractional mass on two kernels, nothing refused
        double launched = 0, refused = 0;
        for (int e = 0; e < batch; e++) {
            SoftSeed p = (SoftSeed) ports.apply(e);
            SoftState st = inputs[e].copy();
            SoftMachine m = new SoftMachine(program.spec(), params, tau, p);
            for (int t = 0; t < steps; t++) m.step(st);
            launched += p.gpuGrants();
            refused += p.refused();
        }
        assertTrue(launched > 0.5 * batch && refused < 1e-9, "case " + c + ": GPU kernels " + launched + ", refused " + refused);
        SoftSeedGradientCheckTest.checkAll(program.spec(), params, tau, ports, inputs, steps, loss, 1e-4,
                "GPU case " + c + " (" + SoftGpu.NAMES[kernel] + ", kernel mass " + String.format("%.3f", launched / batch) + ")");
    }

    /**
     * The content head inside whole-machine steps: a store to physical memory (page 0 mapped),
     * then a store of a real key (a blended ALU result) to CONTENT_KEY runs the soft first-match
     * lookup over physical memory (the word just stored included), and FOUND, ADDR and RESULT are
     * loaded back; CONTENT_SHIFT is latched at 1 before the run. The lookup's gradients reach the
     * key, the stored word and the initial memory through SoftContentHead.backward.
     */
    @Test void contentHeadMatchesCentralDifferences() {
        SplittableRandom random = new SplittableRandom(1557);
        for (int c = 0; c < 3; c++) {
            int stored = 2 + random.nextInt(5);
            List<TcInstruction> code = new ArrayList<>(List.of(
                    op(TcOp.ADD, 10, 1, 2, 0), op(TcOp.STORE, 0, ZERO, 11, stored), op(TcOp.STORE, 0, DEV, 10, D + SoftContentHead.CONTENT_KEY),
                    op(TcOp.LOAD, 3, DEV, 0, D + SoftContentHead.CONTENT_FOUND), op(TcOp.LOAD, 4, DEV, 0, D + SoftContentHead.CONTENT_ADDR),
                    op(TcOp.LOAD, 5, DEV, 0, D + SoftContentHead.CONTENT_RESULT)));
            int steps = code.size();
            while (code.size() < 8) code.add(op(TcOp.HALT, 0, 0, 0, 0));
            TcProgram program = new TcProgram(code, new TcMachineSpec(64, 8), new int[0]);
            double[] params = TcParams.encode(program, 100);
            int p1 = TcParams.PER_INSTRUCTION;
            TcOp[] alu = {TcOp.ADD, TcOp.SUB, TcOp.MOV};
            for (int j = 0; j < alu.length; j++) params[TcParams.OPCODE + alu[j].ordinal()] = 1.5 - 0.8 * j + 0.4 * random.nextGaussian();
            params[TcParams.RD + 10] = 2 + 0.4 * random.nextGaussian();
            params[TcParams.RD + 11] = 0.4 * random.nextGaussian();
            params[TcParams.RS1 + 1] = 2 + 0.4 * random.nextGaussian();
            params[TcParams.RS1 + 3] = 0.4 * random.nextGaussian();
            params[p1 + TcParams.RS2 + 11] = 2 + 0.4 * random.nextGaussian();
            params[p1 + TcParams.RS2 + 12] = 0.4 * random.nextGaussian();
            // the stored word's offset is real (within page 0): the write splits over two words
            for (int i = 1; i < 3; i++) params[p1 + TcParams.IMM + i] = ((stored >> i & 1) == 1 ? 3 : -3) + 0.5 * random.nextGaussian();
            params[p1 + TcParams.IMM] = 0.5 * random.nextGaussian();
            var tau = new SoftTemperatures(0.5 + random.nextDouble(), 0.5 + random.nextDouble(), 0.5 + random.nextDouble(), 0.3 + random.nextDouble() * 0.5);
            // τ low, as for the GPU: device addresses near ±2^30 carry rounding of order 1e-7 (the PC blend's sum
            // times the immediate), which a ramp near τ = 1 would turn into weight on the neighbouring register
            double portTau = 0.25 + 0.1 * random.nextDouble();
            int batch = 2;
            SoftState[] inputs = new SoftState[batch];
            double[][] physInit = new double[batch][SMALL.physicalWords()], targets = new double[batch][5];
            int[] physWords = {3 * 8 + stored, random.nextInt(64)};
            for (int e = 0; e < batch; e++) {
                inputs[e] = SoftState.initial(program);
                for (int r = 0; r < 15; r++) inputs[e].withRegister(r, random.nextDouble() * 4 - 2);
                inputs[e].withRegister(ZERO, 0);
                // words far from the key, and a few near it, so the first match is a real blend
                for (int w = 0; w < SMALL.physicalWords(); w++) physInit[e][w] = 10 + random.nextDouble() * 8;
                double key = inputs[e].reg[1] + inputs[e].reg[2];
                for (int i = 0; i < 3; i++) physInit[e][8 * (i + 1) + random.nextInt(8)] = key + 0.6 + random.nextDouble() * 0.4;
                for (int i = 0; i < 5; i++) targets[e][i] = random.nextDouble() * 6 - 3;
            }
            InMemoryDisk disk = new InMemoryDisk(SMALL.diskSectors(), SMALL.sectorWords());
            IntFunction<SoftMemoryPort> ports = e -> {
                SoftSeed p = new SoftSeed(SMALL, program, portTau, 0.5, new byte[0], new int[0], disk);
                System.arraycopy(physInit[e], 0, p.physical(), 0, SMALL.physicalWords());
                p.pageTable()[4] = 2 * 3 + 1; // page 0 in frame 3
                p.devices().latches()[SoftContentHead.CONTENT_SHIFT] = 1;
                return p;
            };
            SoftGradients.SeedLoss loss = (e, st, phys, gReg, gPhys) -> {
                double l = 0;
                for (int i = 0; i < 3; i++) {
                    double d = st.reg[3 + i] - targets[e][i];
                    l += d * d;
                    gReg[3 + i] += 2 * d;
                }
                for (int i = 0; i < 2; i++) {
                    double d = phys[physWords[i]] - targets[e][3 + i];
                    l += d * d;
                    gPhys[physWords[i]] += 2 * d;
                }
                return l;
            };
            double found = 0;
            for (int e = 0; e < batch; e++) {
                SoftSeed p = (SoftSeed) ports.apply(e);
                SoftState st = inputs[e].copy();
                SoftMachine m = new SoftMachine(program.spec(), params, tau, p);
                for (int t = 0; t < steps; t++) m.step(st);
                found += p.devices().register(SoftContentHead.CONTENT_FOUND);
            }
            // a soft outcome: neither no match nor a sure one
            assertTrue(found > 0.05 * batch && found < 0.999 * batch, "case " + c + ": found mass " + found);
            SoftSeedGradientCheckTest.checkAll(program.spec(), params, tau, ports, inputs, steps, loss,
                    "content case " + c + " (found " + String.format("%.3f", found / batch) + ")");
        }
    }
}
