package tc.computer.soft;

/**
 * A port that owns main memory as well as the devices: the soft {@code seed} machine, whose data
 * accesses go through its memory hierarchy (TLB, page-table walk, cache, physical memory) and may
 * page-fault. The soft state's flat memory is then unused. Per step the soft CPU calls, in order:
 * {@link #access} (from its evaluation: translation of every head, the page-fault mass, the reads
 * and their side effects), then from its update {@link #store} and {@link #push} (the writes,
 * with the masses already scaled by the step's non-faulting share), then {@link #finish}.
 *
 * <p>A page fault of mass φ gates the whole step: every change the instruction would make is
 * scaled by 1 − φ/g (g the running mass), the registers, flags and PC go to the shadow bank with
 * mass φ, and the PC moves to {@link #trapSlot} with mass φ. A store to ERET of mass m blends the
 * shadow bank back into registers, flags and PC with mass m.
 */
public interface SoftMemoryPort extends SoftPort {
    /**
     * Translates this step's accesses and returns their page-fault mass φ (at most the sum of the
     * masses); the step's changes are then scaled by 1 − φ/running, {@code running} being its
     * running mass g. {@code load} and {@code store} masses are the LOAD/STORE head's at
     * {@code lsAddress}; {@code push} the stack write at {@code pushAddress} (PUSH, CALL),
     * {@code pop} the stack read at {@code popAddress} (POP, RET). The reads' side effects
     * (statistics, console input, keyboard) happen here, with the non-faulting share of their mass.
     */
    double access(double running, double lsAddress, double load, double store, double pushAddress, double push, double popAddress, double pop);

    /** The value the LOAD/STORE head read in the last {@link #access} (memory and devices, unweighted by the mass). */
    double loadValue();

    /** The value the stack head read at the pop address in the last {@link #access}. */
    double popValue();

    /** A stack write (PUSH, CALL) of {@code value} at {@code address} with mass {@code mass}. */
    void push(double address, double value, double mass);

    /** The mass with which this step's stores hit ERET. */
    double eretMass();

    /** The slot a trap jumps to (TRAP_VECTOR as the program set it). */
    int trapSlot(int slots);

    /** The shadow bank: registers, flags and the PC distribution (written by traps, read by ERET). */
    double[] shadowRegisters();

    double[] shadowFlags();

    double[] shadowPc(int slots);

    /** Ends the step: the machine enters kernel mode with the trap mass and leaves it with the ERET mass. */
    void finish(double trapMass);

    // ---- reverse mode (SoftGradients.computeSeed); a port that does not implement these is forward only ----

    /** A copy of the port's differentiable state (and what its forward step reads), for {@link #restoreState}. */
    default Object saveState() { throw new UnsupportedOperationException("this memory port has no gradients"); }

    /** Puts the port back into a state {@link #saveState} returned (the copy stays usable). */
    default void restoreState(Object saved) { throw new UnsupportedOperationException("this memory port has no gradients"); }

    /** Physical memory (live): what a loss on the final memory reads. */
    default double[] physicalMemory() { throw new UnsupportedOperationException("this memory port has no gradients"); }

    /**
     * Clears the adjoint of the port's state; the returned array (live, one per physical word) is
     * the adjoint of physical memory, for the loss to fill.
     */
    default double[] startAdjoint() { throw new UnsupportedOperationException("this memory port has no gradients"); }

    /** The adjoints (live) of the shadow registers, flags and PC after the step being differentiated. */
    default double[] shadowRegistersAdjoint() { throw new UnsupportedOperationException("this memory port has no gradients"); }

    default double[] shadowFlagsAdjoint() { throw new UnsupportedOperationException("this memory port has no gradients"); }

    default double[] shadowPcAdjoint() { throw new UnsupportedOperationException("this memory port has no gradients"); }

    /**
     * The next step's calls ({@link #access} to {@link #finish}, replayed from a restored state in
     * the backward pass) record what the backward methods need; refuses (an exception naming it)
     * any device traffic whose adjoint is not built.
     */
    default void recordNext() { throw new UnsupportedOperationException("this memory port has no gradients"); }

    /**
     * Backward through the recorded {@link #finish}: turns the adjoint of the state after it into
     * that before and returns {dLoss/dTrapMass, dLoss/dEretMass} from it.
     */
    default double[] finishBackward() { throw new UnsupportedOperationException("this memory port has no gradients"); }

    /**
     * Backward through the recorded {@link #write} and {@link #push} calls, in reverse, given the
     * adjoint of this step's ERET mass; returns {value, mass, address} adjoints per call, in call order.
     */
    default double[][] writesBackward(double gEret) { throw new UnsupportedOperationException("this memory port has no gradients"); }

    /**
     * Backward through the recorded {@link #access}, given the adjoints of its page-fault mass and
     * of the two values read; returns the adjoints {lsAddress, load + store mass, pushAddress,
     * push mass, popAddress, pop mass} and leaves the port's adjoint that of the state before the step.
     */
    default double[] accessBackward(double gFault, double gLoadValue, double gPopValue) {
        throw new UnsupportedOperationException("this memory port has no gradients");
    }
}
