package tc.computer;

import java.util.List;
import tc.computer.engine.TcEngine;
import tc.computer.interp.TcMachine;
import tc.computer.engine.TcState;
import tc.computer.isa.TcProgram;
import tc.computer.soft.SoftEngine;

/** The engines {@code tc run --target tc --engine NAME} knows. */
public final class TcEngines {
    private TcEngines() {}

    /** The discrete interpreter: the definition of the ISA. */
    public static final TcEngine INTERP = new TcEngine() {
        @Override public String name() { return "interp"; }

        @Override public TcState run(TcProgram program, long maxSteps) { return new TcMachine(program).run(maxSteps); }
    };

    public static List<String> names() { return List.of("interp", "soft"); }

    /**
     * The engine called {@code name}; {@code tau} is the soft machine's temperature on ±1 logits
     * (ignored by the interpreter; the soft machine is exact at τ ≤ 1e-3).
     *
     * @throws IllegalArgumentException naming the choices when the name is unknown
     */
    public static TcEngine get(String name, double tau) {
        if (name.equals("interp")) return INTERP;
        if (name.equals("soft")) return new SoftEngine(tau);
        throw new IllegalArgumentException("unknown engine '" + name + "' for --target tc: choose one of " + String.join(", ", names()));
    }
}
