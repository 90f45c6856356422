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
}
