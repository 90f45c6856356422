package tc.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc.computer.backend.TcBackend;
import tc.computer.backend.TcCompiled;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcParams;
import tc.computer.isa.TcProgram;
import tc.computer.soft.SoftMachine;
import tc.computer.soft.SoftState;
import tc.computer.soft.SoftTemperatures;
import tc.source.CompileException;
import tc.source.SourceFile;

/**
 * The Tensor Computer's soft machine at a temperature τ, step by step, for the page: the PC
 * distribution over slots, the opcode blend the step executes (the PC-weighted mix of the slots'
 * softmax(logits/τ) opcode distributions, from the same parameters the machine runs) and the
 * sixteen registers. The program is C compiled for the Tensor Computer, encoded as ±1 logits.
 */
final class SoftView {
    /** Slots listed per step at most (those with the most PC mass). */
    private static final int PC_SHOWN = 12;

    private final TcCompiled compiled;
    private final double[] params;

    SoftView(String text) {
        try {
            compiled = TcBackend.compile(new SourceFile("soft.c", text));
        } catch (CompileException e) {
            throw new CompiledProgram.CompileFailure(e.diagnostics());
        }
        params = TcParams.encode(compiled.program(), 1.0);
    }

    TcProgram program() { return compiled.program(); }

    /** The first {@code steps} steps at τ = {@code tau}, from the initial state. */
    Map<String, Object> run(double tau, int steps) {
        if (!(tau >= 0.01 && tau <= 10)) throw WebError.badRequest("tau must be between 0.01 and 10, got " + tau);
        TcProgram program = compiled.program();
        TcMachineSpec spec = program.spec();
        SoftMachine machine = new SoftMachine(spec, params, SoftTemperatures.of(tau));
        SoftState s = SoftState.initial(program);
        List<Map<String, Object>> trace = new ArrayList<>();
        for (int t = 0; t <= steps; t++) {
            trace.add(snapshot(s, spec, tau));
            if (t < steps) machine.step(s);
        }
        List<String> ops = new ArrayList<>();
        for (TcOp op : TcOp.values()) ops.add(op.name());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tau", tau);
        out.put("opcodes", ops);
        out.put("listing", compiled.listing());
        out.put("steps", trace);
        return out;
    }

    private Map<String, Object> snapshot(SoftState s, TcMachineSpec spec, double tau) {
        int slots = spec.slots();
        double[] blend = new double[TcOp.COUNT];
        List<double[]> pc = new ArrayList<>();
        for (int k = 0; k < slots; k++) {
            double w = s.pc(k);
            if (w == 0) continue;
            pc.add(new double[] {k, w});
            double[] dist = softmax(params, k * TcParams.PER_INSTRUCTION + TcParams.OPCODE, TcOp.COUNT, tau);
            for (int o = 0; o < blend.length; o++) blend[o] += w * dist[o];
        }
        pc.sort((a, b) -> Double.compare(b[1], a[1]));
        List<Map<String, Object>> pcShown = new ArrayList<>();
        for (double[] e : pc.subList(0, Math.min(PC_SHOWN, pc.size()))) pcShown.add(Map.of("slot", (int) e[0], "p", e[1]));
        List<Double> regs = new ArrayList<>();
        for (int r = 0; r < TcMachineSpec.REGISTERS; r++) regs.add(s.register(r));
        List<Double> ops = new ArrayList<>();
        for (double b : blend) ops.add(b);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pc", pcShown);
        m.put("opcodes", ops);
        m.put("registers", regs);
        m.put("halted", s.halted());
        return m;
    }

    /** softmax(x[from..from+n)/τ), shifted by the maximum so that no exponent overflows. */
    static double[] softmax(double[] x, int from, int n, double tau) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) max = Math.max(max, x[from + i] / tau);
        double[] out = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) sum += out[i] = Math.exp(x[from + i] / tau - max);
        for (int i = 0; i < n; i++) out[i] /= sum;
        return out;
    }
}
