package tc.computer.device;

/**
 * A device refused an access (bad register, pixel or sector out of range, unknown command, ...).
 * The seed machine turns it into a {@link DeviceFault} that stops the run; the message is the
 * one-sentence description the CLI prints.
 */
public final class DeviceException extends RuntimeException {
    public DeviceException(String message) { super(message, null, false, false); }
}
