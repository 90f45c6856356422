package tc.computer.soft;

import java.util.stream.IntStream;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcParams;

/**
 * Reverse-mode gradients of a loss on the final soft state with respect to every program
 * parameter, through T steps, batched over initial states and parallel over the batch.
 *
 * <h2>Why hand-derived adjoints, not a tape</h2>
 * The step is one fixed function of a small state (16 registers, 4 flags, the PC distribution,
 * memory, the halted mass) and the program's distributions, the same at every step; its adjoint is
 * written out once ({@code SoftStep.backward}, checked against central finite differences in the
 * tests). Compared with a general tape over double arrays this:
 * <ul>
 *   <li>keeps per step only the state before it (registers, flags, PC, halted mass), the fetched
 *       instruction (112 numbers) and an undo log of the at most four memory words the step wrote:
 *       O(T·(slots + 140)) doubles per batch element instead of every intermediate, and memory is
 *       never copied;</li>
 *   <li>allocates nothing per step (a tape records a node per operation, about 10^4 per step
 *       here), and exploits sparsity a generic tape cannot see: an address touches two words, so
 *       reading and writing memory costs O(1), not O(words);</li>
 *   <li>needs no new dependency and nothing native.</li>
 * </ul>
 * The cost is one re-evaluation of each step (from its saved fetch) in the backward pass, and the burden of keeping the hand adjoint in sync with the forward step, which
 * the gradient-check test guards.
 *
 * <p>Parallelism: batch elements are split into fixed chunks of {@value #CHUNK}; chunks run on the
 * common fork-join pool, each with its own scratch and gradient accumulator, and the chunk results
 * are summed in chunk order, so the result does not depend on the number of cores.
 */
public final class SoftGradients {
    private SoftGradients() {}

    public static final int CHUNK = 4;

    /** @param loss the summed loss over the batch; @param gradient one entry per parameter */
    public record Result(double loss, double[] gradient) {}

    /**
     * Runs every initial state for exactly {@code steps} steps and differentiates the summed
     * {@code loss} of the final states.
     *
     * @param params  {@code spec.slots() × 112} parameters
     * @param initial the batch's initial states (not changed)
     */
    public static Result compute(TcMachineSpec spec, double[] params, SoftTemperatures tau, SoftState[] initial, int steps, FinalStateLoss loss) {
        return compute(spec, params, tau, SoftAddressing.LOCATION, initial, steps, loss, true);
    }

    /**
     * As {@link #compute(TcMachineSpec, double[], SoftTemperatures, SoftState[], int, FinalStateLoss)}
     * on a machine with the given memory addressing; {@code parallel = false} runs every chunk on
     * the calling thread (same result, bit for bit).
     */
    public static Result compute(TcMachineSpec spec, double[] params, SoftTemperatures tau, SoftAddressing addressing,
                                 SoftState[] initial, int steps, FinalStateLoss loss, boolean parallel) {
        if (steps < 0) throw new IllegalArgumentException("steps must be ≥ 0, got " + steps);
        for (SoftState s : initial)
            if (!s.spec.equals(spec)) throw new IllegalArgumentException("initial state for " + s.spec + ", machine is " + spec);
        SoftCode code = new SoftCode(params, spec.slots(), tau);
        int chunks = (initial.length + CHUNK - 1) / CHUNK;
        IntStream range = IntStream.range(0, chunks);
        if (parallel) range = range.parallel();
        Chunk[] done = range
                .mapToObj(c -> new Chunk(code, spec, addressing, steps).run(initial, c * CHUNK, Math.min(initial.length, (c + 1) * CHUNK), loss))
                .toArray(Chunk[]::new);
        SoftCode.Grad total = new SoftCode.Grad(spec.slots());
        double sum = 0;
        for (Chunk c : done) {
            total.add(c.acc);
            sum += c.loss;
        }
        double[] gradient = new double[spec.slots() * TcParams.PER_INSTRUCTION];
        code.backward(total, gradient);
        return new Result(sum, gradient);
    }

    /** The forward loss alone (the same function {@link #compute} differentiates). */
    public static double loss(TcMachineSpec spec, double[] params, SoftTemperatures tau, SoftState[] initial, int steps, FinalStateLoss loss) {
        return loss(spec, params, tau, SoftAddressing.LOCATION, initial, steps, loss);
    }

    /** The forward loss on a machine with the given memory addressing. */
    public static double loss(TcMachineSpec spec, double[] params, SoftTemperatures tau, SoftAddressing addressing,
                              SoftState[] initial, int steps, FinalStateLoss loss) {
        SoftMachine m = new SoftMachine(spec, params, tau, addressing);
        double sum = 0;
        double[] gReg = new double[TcMachineSpec.REGISTERS], gMem = new double[spec.memoryWords()];
        for (int i = 0; i < initial.length; i++) {
            SoftState s = initial[i].copy();
            for (int t = 0; t < steps; t++) m.step(s);
            sum += loss.evaluate(i, s, gReg, gMem);
            sum += loss.evaluateOutputs(i, s, new double[s.outputCount()], new double[s.outputCount()]);
            sum += loss.evaluateHalting(i, s, new double[1]);
        }
        return sum;
    }

    // ---- the seed machine ----

    /** A differentiable loss on the seed machine's final registers and physical memory. */
    @FunctionalInterface
    public interface SeedLoss {
        /**
         * The loss of batch element {@code index}: adds dLoss/dRegister to {@code gradRegisters}
         * (16) and dLoss/dPhysical to {@code gradPhysical} (one per physical word).
         */
        double evaluate(int index, SoftState state, double[] physical, double[] gradRegisters, double[] gradPhysical);
    }

    /**
     * @param loss             the summed loss over the batch
     * @param gradient         one entry per program parameter
     * @param initialRegisters per batch element, dLoss/d(initial register r)
     */
    public record SeedResult(double loss, double[] gradient, double[][] initialRegisters) {}

    /**
     * Reverse-mode gradients through {@code steps} steps of the soft {@code seed} machine (the CPU
     * with a {@link SoftMemoryPort}, location addressing): each initial state runs on the port
     * {@code ports.apply(i)} (a fresh port per batch element, in its initial state), and the
     * summed {@code loss} of the final registers and physical memory is differentiated with
     * respect to the program's parameters and the initial registers.
     *
     * <p>Per step the port's state is saved ({@link SoftMemoryPort#saveState}: physical memory, the
     * page-table RAM, TLB, cache, shadow bank and latches) with the CPU state and fetch, so memory
     * is O(T·(physical words + page-table words + TLB + cache)) per element; the backward pass
     * restores each step's state and replays the step once. Sequential over the batch. With
     * {@code SoftSeed} the device side is differentiated too (GPU memory, the launch latches,
     * GPU_RUN via {@code SoftGpu.backward}, GPU_RESULT, the content head via
     * {@code SoftContentHead.backward}; the device state adds GPU words + 64 doubles per step); a
     * port refuses (an exception naming it) device traffic whose adjoint is not built: console
     * output, pixels, console input, the keyboard, the disk, device accesses by the stack.
     */
    public static SeedResult computeSeed(TcMachineSpec spec, double[] params, SoftTemperatures tau, java.util.function.IntFunction<SoftMemoryPort> ports,
                                         SoftState[] initial, int steps, SeedLoss loss) {
        if (steps < 0) throw new IllegalArgumentException("steps must be ≥ 0, got " + steps);
        for (SoftState s : initial)
            if (!s.spec.equals(spec)) throw new IllegalArgumentException("initial state for " + s.spec + ", machine is " + spec);
        SoftCode code = new SoftCode(params, spec.slots(), tau);
        final int R = TcMachineSpec.REGISTERS, slots = spec.slots();
        SoftCode.Grad acc = new SoftCode.Grad(slots);
        SoftStep.Adjoint adj = new SoftStep.Adjoint(spec);
        double[] regs = new double[steps * R], flags = new double[steps * 4], pcs = new double[steps * slots], halted = new double[steps],
                stepCount = new double[steps], fetched = new double[steps * SoftStep.FETCHED];
        Object[] saved = new Object[steps];
        double[][] initialGrad = new double[initial.length][];
        double sum = 0;
        for (int i = 0; i < initial.length; i++) {
            SoftMemoryPort port = ports.apply(i);
            SoftStep step = new SoftStep(code, spec, SoftAddressing.LOCATION, port);
            SoftState s = initial[i].copy();
            for (int t = 0; t < steps; t++) {
                System.arraycopy(s.reg, 0, regs, t * R, R);
                System.arraycopy(s.flags, 0, flags, t * 4, 4);
                System.arraycopy(s.pc, 0, pcs, t * slots, slots);
                halted[t] = s.halted;
                stepCount[t] = s.steps;
                saved[t] = port.saveState();
                step.evaluate(s);
                step.saveFetched(fetched, t * SoftStep.FETCHED);
                step.apply(s, null, null, 0);
            }
            adj.clear();
            double[] gPhys = port.startAdjoint();
            sum += loss.evaluate(i, s, port.physicalMemory(), adj.reg, gPhys);
            for (int t = steps - 1; t >= 0; t--) {
                System.arraycopy(regs, t * R, s.reg, 0, R);
                System.arraycopy(flags, t * 4, s.flags, 0, 4);
                System.arraycopy(pcs, t * slots, s.pc, 0, slots);
                s.halted = halted[t];
                s.steps = stepCount[t];
                port.restoreState(saved[t]);
                step.backward(s, fetched, t * SoftStep.FETCHED, adj, acc);
            }
            initialGrad[i] = adj.reg.clone();
        }
        double[] gradient = new double[slots * TcParams.PER_INSTRUCTION];
        code.backward(acc, gradient);
        return new SeedResult(sum, gradient, initialGrad);
    }

    /** The forward loss alone of {@link #computeSeed} (the same function it differentiates). */
    public static double seedLoss(TcMachineSpec spec, double[] params, SoftTemperatures tau, java.util.function.IntFunction<SoftMemoryPort> ports,
                                  SoftState[] initial, int steps, SeedLoss loss) {
        double sum = 0;
        for (int i = 0; i < initial.length; i++) {
            SoftMemoryPort port = ports.apply(i);
            SoftMachine m = new SoftMachine(spec, params, tau, port);
            SoftState s = initial[i].copy();
            for (int t = 0; t < steps; t++) m.step(s);
            sum += loss.evaluate(i, s, port.physicalMemory(), new double[TcMachineSpec.REGISTERS], new double[port.physicalMemory().length]);
        }
        return sum;
    }

    /** One worker's batch slice: its scratch, per-step history and gradient accumulator. */
    private static final class Chunk {
        final SoftStep step;
        final int steps, slots;
        final SoftCode.Grad acc;
        final SoftStep.Adjoint adj;
        final double[] regs, flags, pcs, halted, stepCount, undo, fetched;
        final int[] undoAt;
        /** The output entry step t wrote, or −1. */
        final int[] wrote;
        /** With content addressing a step may write every word: the whole memory before each step. */
        final double[] memories;
        final int words;
        double loss;

        Chunk(SoftCode code, TcMachineSpec spec, SoftAddressing addressing, int steps) {
            this.step = new SoftStep(code, spec, addressing);
            this.words = spec.memoryWords();
            memories = step.dense() ? new double[steps * words] : null;
            this.steps = steps;
            this.slots = spec.slots();
            acc = new SoftCode.Grad(slots);
            adj = new SoftStep.Adjoint(spec);
            regs = new double[steps * TcMachineSpec.REGISTERS];
            flags = new double[steps * 4];
            pcs = new double[steps * slots];
            halted = new double[steps];
            stepCount = new double[steps];
            undo = new double[steps * 4];
            fetched = new double[steps * SoftStep.FETCHED];
            undoAt = new int[steps * 4];
            wrote = new int[steps];
        }

        Chunk run(SoftState[] initial, int from, int to, FinalStateLoss lossFn) {
            final int R = TcMachineSpec.REGISTERS;
            for (int i = from; i < to; i++) {
                SoftState s = initial[i].copy();
                for (int t = 0; t < steps; t++) {
                    System.arraycopy(s.reg, 0, regs, t * R, R);
                    System.arraycopy(s.flags, 0, flags, t * 4, 4);
                    System.arraycopy(s.pc, 0, pcs, t * slots, slots);
                    halted[t] = s.halted;
                    stepCount[t] = s.steps;
                    step.evaluate(s);
                    step.saveFetched(fetched, t * SoftStep.FETCHED);
                    int before = s.outputCount();
                    if (memories != null) {
                        System.arraycopy(s.mem, 0, memories, t * words, words);
                        step.apply(s, null, null, 0);
                    } else {
                        step.apply(s, undoAt, undo, 4 * t);
                    }
                    wrote[t] = s.outputCount() > before ? before : -1;
                }
                adj.clear();
                loss += lossFn.evaluate(i, s, adj.reg, adj.mem);
                double[] gOutValue = new double[s.outputCount()], gOutMass = new double[s.outputCount()];
                loss += lossFn.evaluateOutputs(i, s, gOutValue, gOutMass);
                double[] gHalted = {0};
                loss += lossFn.evaluateHalting(i, s, gHalted);
                adj.halted = gHalted[0];
                for (int t = steps - 1; t >= 0; t--) {
                    System.arraycopy(regs, t * R, s.reg, 0, R);
                    System.arraycopy(flags, t * 4, s.flags, 0, 4);
                    System.arraycopy(pcs, t * slots, s.pc, 0, slots);
                    s.halted = halted[t];
                    s.steps = stepCount[t];
                    if (memories != null) System.arraycopy(memories, t * words, s.mem, 0, words);
                    else for (int q = 3; q >= 0; q--) s.mem[undoAt[4 * t + q]] = undo[4 * t + q];
                    adj.outValue = wrote[t] >= 0 ? gOutValue[wrote[t]] : 0;
                    adj.outMass = wrote[t] >= 0 ? gOutMass[wrote[t]] : 0;
                    step.backward(s, fetched, t * SoftStep.FETCHED, adj, acc);
                }
            }
            return this;
        }
    }
}
