package tc.computer.soft;

import tc.computer.engine.TcEngine;
import tc.computer.engine.TcState;
import tc.computer.isa.TcParams;
import tc.computer.isa.TcProgram;

/**
 * The soft machine as an engine ({@code --engine soft --tau T}): the program is encoded as ±1
 * logits ({@link TcParams#encode(TcProgram, double)} with scale 1) and run at temperature τ for
 * every component. At τ ≤ about 1e-3 every distribution is one-hot in double precision and the run
 * is exact; at larger τ the blend shows in the rounded final state.
 */
public final class SoftEngine implements TcEngine {
    private final double tau;

    public SoftEngine(double tau) {
        SoftTemperatures.of(tau);
        this.tau = tau;
    }

    @Override public String name() { return "soft"; }

    public double tau() { return tau; }

    @Override public TcState run(TcProgram program, long maxSteps) {
        SoftMachine m = SoftMachine.of(program, 1.0, SoftTemperatures.of(tau));
        return m.run(SoftState.initial(program), maxSteps).toTcState();
    }
}
