package tc.computer.soft;

/**
 * What the soft machine's LOAD/STORE head reaches besides its flat memory: the memory-mapped
 * devices of the {@code seed} machine ({@code tc.computer.soft.parts.SoftDevices}). A machine
 * without a port (every constructor that takes none) is the {@code cpu} machine, unchanged.
 *
 * <p>Per step the head's address x = rs1 + imm is split by {@link #memoryShare}: that share reads
 * and writes memory as before, the rest goes to the port. Reads happen in every step (the LOAD
 * result is blended like every ALU result), so {@link #read} must have no side effects; a STORE of
 * effective weight e writes through {@link #write} with mass e. A machine with a plain port is
 * forward only (the devices have no adjoint); a {@link SoftMemoryPort} that implements its
 * backward methods is differentiated by {@code SoftGradients.computeSeed}.
 */
public interface SoftPort {
    /** The share in [0, 1] of an access at {@code address} that goes to main memory. */
    double memoryShare(double address);

    /** The devices' share of the value read at {@code address} (no side effects). */
    double read(double address);

    /** A store of {@code value} at {@code address} with mass {@code mass}, the devices' share. */
    void write(double address, double value, double mass);
}
