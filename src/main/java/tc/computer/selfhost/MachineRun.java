package tc.computer.selfhost;

import tc.computer.device.DeviceFault;
import tc.computer.engine.TcState;

/**
 * One run of a program on the discrete seed machine with text on its console.
 *
 * @param console what the program wrote with {@code putchar}, one character per byte
 * @param state   the final state (memory as the program's virtual memory)
 * @param fault   the device fault that stopped it, or null
 * @param steps   instructions executed, the page-fault handler's included
 * @param nanos   wall time of the run
 */
public record MachineRun(String console, TcState state, DeviceFault fault, long steps, long nanos) {
    /** Whether main returned (the start-up HALT ran). */
    public boolean halted() { return state.halted() && fault == null; }

    /** main's return value (r0 at the HALT): the exit status of a run. */
    public int exitStatus() { return state.registers()[0]; }

    /** Whether main returned 0. */
    public boolean succeeded() { return halted() && exitStatus() == 0; }
}
