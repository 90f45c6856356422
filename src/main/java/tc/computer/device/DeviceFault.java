package tc.computer.device;

/**
 * Why a seed machine run stopped early: a device refused an access (see {@link DeviceException}),
 * or a page fault found no handler.
 *
 * @param message one sentence, printed as is
 * @param pc      the slot of the instruction that faulted
 * @param step    the step count including the faulting instruction
 */
public record DeviceFault(String message, int pc, long step) {
    @Override public String toString() { return "device fault at step " + step + ", pc " + pc + ": " + message; }
}
