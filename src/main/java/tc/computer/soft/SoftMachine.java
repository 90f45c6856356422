package tc.computer.soft;

import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcParams;
import tc.computer.isa.TcProgram;

/**
 * The soft Tensor Computer: a program given as real parameters (112 per slot, see
 * {@link TcParams}) run on a {@link SoftState} where every discrete choice of the interpreter is a
 * blend.
 *
 * <p>Per step: the fetched instruction is the PC-weighted blend of the slots' distributions
 * (opcode softmax(logits/τ), register selectors softmax(logits/τ), immediate bits σ(logit/τ)); the
 * operands are selector-weighted sums of the registers; the ALU computes all 32 results and blends
 * them by the opcode distribution (the arithmetic between integers is documented in
 * {@code SoftAlu}); the write to rd is spread by the rd distribution; flags are blended; memory is
 * NTM-style (a real address becomes a distribution over the two nearest words,
 * {@code AddressKernel}; reads are weighted sums, writes erase and add); the stack is memory
 * addressed by r15; the next PC blends PC + 1, the immediate's target distribution (product of bit
 * probabilities), the popped RET address and staying put (HALT), with branch conditions computed
 * from the soft flags; halting accumulates a halted mass h, and every change of the state is scaled
 * by 1 − h, so a halted machine stops changing.
 *
 * <p>With one-hot distributions (one-hot parameters, or logits far from ties at small τ, so that
 * every softmax and sigmoid rounds to exactly 0 and 1 in double precision) every blend is an exact
 * selection and the machine computes exactly what {@code TcMachine} computes;
 * {@link SoftState#toTcState} then equals the interpreter's state.
 */
public final class SoftMachine {
    private final TcMachineSpec spec;
    private final SoftStep step;

    /** @param params {@code spec.slots() × 112} parameters */
    public SoftMachine(TcMachineSpec spec, double[] params, SoftTemperatures tau) {
        this(spec, params, tau, SoftAddressing.LOCATION);
    }

    /**
     * A machine whose LOAD/STORE head blends in content addressing ({@link SoftAddressing});
     * {@link SoftAddressing#LOCATION} is the exact machine of the other constructor.
     */
    public SoftMachine(TcMachineSpec spec, double[] params, SoftTemperatures tau, SoftAddressing addressing) {
        this.spec = spec;
        this.step = new SoftStep(new SoftCode(params, spec.slots(), tau), spec, addressing);
    }

    /**
     * A machine whose LOAD/STORE head also reaches memory-mapped devices through {@code port}
     * (location addressing; see {@link SoftPort}: gradients only through a {@link SoftMemoryPort},
     * with {@code SoftGradients.computeSeed}).
     */
    public SoftMachine(TcMachineSpec spec, double[] params, SoftTemperatures tau, SoftPort port) {
        this.spec = spec;
        this.step = new SoftStep(new SoftCode(params, spec.slots(), tau), spec, SoftAddressing.LOCATION, java.util.Objects.requireNonNull(port));
    }

    /** The program as ±scale logits ({@link TcParams#encode(TcProgram, double)}) at temperatures {@code tau}. */
    public static SoftMachine of(TcProgram program, double scale, SoftTemperatures tau) {
        return new SoftMachine(program.spec(), TcParams.encode(program, scale), tau);
    }

    public TcMachineSpec spec() { return spec; }

    /** One step of {@code s}, in place. Allocates nothing (unless the output tape grows). */
    public void step(SoftState s) {
        check(s);
        step.evaluate(s);
        step.apply(s, null, null, 0);
    }

    /**
     * Runs {@code s} in place for {@code maxSteps} steps, or until it has surely halted
     * (halted mass exactly 1, after which nothing could change), and returns it.
     */
    public SoftState run(SoftState s, long maxSteps) {
        check(s);
        for (long t = 0; t < maxSteps && s.halted < 1; t++) {
            step.evaluate(s);
            step.apply(s, null, null, 0);
        }
        return s;
    }

    private void check(SoftState s) {
        if (!s.spec.equals(spec)) throw new IllegalArgumentException("state for " + s.spec + " run on a machine for " + spec);
    }
}
