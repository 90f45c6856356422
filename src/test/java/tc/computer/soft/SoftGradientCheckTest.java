package tc.computer.soft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc.computer.isa.RandomInstructions;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcParams;
import tc.computer.isa.TcProgram;

/**
 * Reverse-mode gradients against central finite differences, per parameter group. The cases are
 * chosen where the soft machine is smooth: noisy logits (every opcode keeps some mass, so the PC
 * spreads), moderate temperatures, real-valued inputs (away from the half-integers where rounded
 * operands jump), small immediates (no 32-bit wrap), and an address τ below 1 (the address kernel
 * is then smooth at integer addresses too).
 *
 * <p>Shifts are left out (their logits at −100, so their weight is below 1e−20): on blended,
 * non-integer operands a shift of the rounded operands returns values up to 2^31 that jump between
 * neighbouring integers, so the loss has jumps of order 10^13 within a finite-difference step and
 * no finite difference can be compared with anything. Their gradient paths are the same code as
 * DIV, MOD, AND, OR, XOR (a constant result blended by the opcode weight), which stay in.
 */
class SoftGradientCheckTest {
    static final String[] GROUPS = {"opcode", "rd", "rs1", "rs2", "imm"};
    static final int[] GROUP_FROM = {TcParams.OPCODE, TcParams.RD, TcParams.RS1, TcParams.RS2, TcParams.IMM};
    static final int[] GROUP_TO = {TcParams.RD, TcParams.RS1, TcParams.RS2, TcParams.IMM, TcParams.PER_INSTRUCTION};

    @Test void reverseModeMatchesCentralDifferences() {
        check(new SplittableRandom(4), 6, r -> SoftAddressing.LOCATION, false, false, false);
    }

    /**
     * A loss that also reads the output tape: 1000 · Σ mass_i · (value_i − c_i)² over the entries
     * ({@link FinalStateLoss#evaluateOutputs}). With noisy logits OUT has weight in every step, so
     * every run writes one entry per step and the loss is smooth in the parameters.
     */
    @Test void reverseModeMatchesCentralDifferencesForAnOutputTapeLoss() {
        // the first cases of the test above (same seed, the loss draws no random numbers), which are
        // smooth; other seeds can put a rounded operand on a half-integer, where the loss jumps
        // whether or not it reads the tape (seed 7's second case does)
        check(new SplittableRandom(4), 3, r -> SoftAddressing.LOCATION, false, true, false);
    }

    /**
     * A loss that also reads the final halted mass: 100 · (1 − halted)² ({@link FinalStateLoss#evaluateHalting},
     * the learner's auxiliary halting loss). With noisy logits HALT has weight in every slot, so
     * the halted mass grows smoothly with the parameters.
     */
    @Test void reverseModeMatchesCentralDifferencesForAHaltingLoss() {
        check(new SplittableRandom(4), 3, r -> SoftAddressing.LOCATION, false, false, true);
    }

    /**
     * Content-based addressing blended into the LOAD/STORE head (random gates and sharpnesses):
     * the head is then dense, so the memory starts with random real words for the keys to match.
     */
    @Test void reverseModeMatchesCentralDifferencesWithContentAddressing() {
        check(new SplittableRandom(44), 4, r -> SoftAddressing.content(0.2 + 0.8 * r.nextDouble(), 0.2 + r.nextDouble()), true, false, false);
    }

    private static void check(SplittableRandom random, int cases, java.util.function.Function<SplittableRandom, SoftAddressing> addressingOf, boolean randomMemory, boolean outputs, boolean halting) {
        for (int c = 0; c < cases; c++) {
            TcProgram program = withoutShifts(RandomInstructions.program(random, 16, 8));
            TcMachineSpec spec = program.spec();
            double[] params = TcParams.encode(program, 1.0);
            for (int i = 0; i < params.length; i++) params[i] += random.nextGaussian() * 0.7;
            for (int k = 0; k < spec.slots(); k++)
                for (TcOp shift : SHIFTS) params[k * TcParams.PER_INSTRUCTION + TcParams.OPCODE + shift.ordinal()] = -100;
            for (int k = 0; k < spec.slots(); k++)
                for (int i = 5; i < TcParams.IMM_BITS; i++) params[k * TcParams.PER_INSTRUCTION + TcParams.IMM + i] = -40;
            var tau = new SoftTemperatures(0.5 + random.nextDouble() * 1.5, 0.5 + random.nextDouble() * 1.5,
                    0.5 + random.nextDouble() * 1.5, 0.3 + random.nextDouble() * 0.5);
            SoftAddressing addressing = addressingOf.apply(random);
            int batch = 5, steps = 4 + random.nextInt(5); // 5 > one chunk of SoftGradients
            SoftState[] inputs = new SoftState[batch];
            double[][] regTargets = new double[batch][4], memTargets = new double[batch][3];
            for (int b = 0; b < batch; b++) {
                inputs[b] = SoftState.initial(program);
                for (int r = 0; r < 15; r++) inputs[b].withRegister(r, random.nextDouble() * 8 - 4);
                if (randomMemory) for (int w = 0; w < spec.memoryWords(); w++) inputs[b].withMemory(w, random.nextDouble() * 8 - 4);
                for (int i = 0; i < 4; i++) regTargets[b][i] = random.nextDouble() * 10 - 5;
                for (int i = 0; i < 3; i++) memTargets[b][i] = random.nextDouble() * 10 - 5;
            }
            var squares = new SquaredError(new int[] {0, 1, 2, 3}, regTargets, new int[] {0, 1, 15}, memTargets);
            FinalStateLoss loss = outputs ? new WithOutputs(squares) : halting ? new WithHalting(squares) : squares;
            if (halting) {
                double halted = 0;
                for (SoftState in : inputs) {
                    SoftState s = in.copy();
                    var m = new tc.computer.soft.SoftMachine(spec, params, tau, addressing);
                    for (int t = 0; t < steps; t++) m.step(s);
                    halted += s.halted();
                }
                assertTrue(halted > 0.05 * batch && halted < 0.95 * batch, "the halted mass is strictly between 0 and 1: " + halted / batch);
            }

            var result = SoftGradients.compute(spec, params, tau, addressing, inputs, steps, loss, true);
            assertEquals(SoftGradients.loss(spec, params, tau, addressing, inputs, steps, loss), result.loss(), 1e-9 * Math.abs(result.loss()));

            // fourth-order central differences: truncation O(h^4), rounding O(ε·loss/h); immediate
            // bits are scaled by up to 2^4 in the value, so their higher derivatives are larger and
            // they take a smaller step
            double[] numeric = new double[params.length];
            for (int i = 0; i < params.length; i++) {
                double h = i % TcParams.PER_INSTRUCTION >= TcParams.IMM ? 3e-5 : 1e-4;
                double keep = params[i];
                double[] f = new double[4];
                double[] offsets = {2 * h, h, -h, -2 * h};
                for (int q = 0; q < 4; q++) {
                    params[i] = keep + offsets[q];
                    f[q] = SoftGradients.loss(spec, params, tau, addressing, inputs, steps, loss);
                }
                params[i] = keep;
                numeric[i] = (-f[0] + 8 * f[1] - 8 * f[2] + f[3]) / (12 * h);
            }
            for (int g = 0; g < GROUPS.length; g++) {
                double diff = 0, norm = 0;
                for (int k = 0; k < spec.slots(); k++)
                    for (int i = GROUP_FROM[g]; i < GROUP_TO[g]; i++) {
                        int at = k * TcParams.PER_INSTRUCTION + i;
                        diff += sq(result.gradient()[at] - numeric[at]);
                        norm += sq(numeric[at]);
                    }
                double rel = Math.sqrt(diff / norm);
                System.out.printf("%s case %d (loss %.3e, %d steps) %s: |grad| %.3e rel err %.2e%n", addressing, c, result.loss(), steps, GROUPS[g], Math.sqrt(norm), rel);
                assertTrue(norm > 1e-12, "case " + c + ": the " + GROUPS[g] + " gradient vanished");
                assertTrue(rel <= 1e-6, "case " + c + " group " + GROUPS[g] + ": relative error " + rel);
            }
        }
    }

    /** The squared error plus 1000 · Σ mass_i · (value_i − c_i)² over the output tape, c_i = 0.7·i − 2. */
    record WithOutputs(SquaredError squares) implements FinalStateLoss {
        @Override public double evaluate(int index, SoftState s, double[] gReg, double[] gMem) { return squares.evaluate(index, s, gReg, gMem); }

        static final double WEIGHT = 1000;

        @Override public double evaluateOutputs(int index, SoftState s, double[] gValue, double[] gMass) {
            double loss = 0;
            for (int i = 0; i < s.outputCount(); i++) {
                double d = s.outputValue(i) - (0.7 * i - 2), m = s.outputMass(i);
                // weighted so that the tape dominates the loss: a wrong tape adjoint cannot hide
                loss += WEIGHT * m * d * d;
                gValue[i] += WEIGHT * 2 * m * d;
                gMass[i] += WEIGHT * d * d;
            }
            return loss;
        }
    }

    /** The squared error plus 100 · (1 − halted)²: weighted so that a wrong halted adjoint cannot hide. */
    record WithHalting(SquaredError squares) implements FinalStateLoss {
        @Override public double evaluate(int index, SoftState s, double[] gReg, double[] gMem) { return squares.evaluate(index, s, gReg, gMem); }

        @Override public double evaluateHalting(int index, SoftState s, double[] gHalted) {
            double d = 1 - s.halted();
            gHalted[0] += -2 * 100 * d;
            return 100 * d * d;
        }
    }

    static final TcOp[] SHIFTS = {TcOp.SHL, TcOp.SHR, TcOp.SRA};

    /** The program with its shifts replaced by ADDs of the same registers. */
    private static TcProgram withoutShifts(TcProgram p) {
        var code = p.code().stream().map(ins -> java.util.Arrays.asList(SHIFTS).contains(ins.op())
                ? new TcInstruction(TcOp.ADD, ins.rd(), ins.rs1(), ins.rs2(), 0) : ins).toList();
        return new TcProgram(code, p.spec(), p.data());
    }

    private static double sq(double x) { return x * x; }
}
