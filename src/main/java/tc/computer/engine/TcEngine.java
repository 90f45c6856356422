package tc.computer.engine;

import tc.computer.isa.TcProgram;

/**
 * Something that runs Tensor Computer programs: the discrete interpreter ({@code interp}) or the
 * soft machine ({@code soft}, at a temperature). Both return the discrete state they end in, so
 * their runs can be compared.
 */
public interface TcEngine {
    String name();

    /**
     * Runs from the program's initial state (registers 0, sp = memory words, data in memory)
     * until HALT or {@code maxSteps} steps.
     */
    TcState run(TcProgram program, long maxSteps);
}
