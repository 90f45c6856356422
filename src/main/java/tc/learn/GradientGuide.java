package tc.learn;

import java.util.List;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcParams;

/**
 * The relaxed program's preference over instructions, read from the soft parameters a gradient
 * phase left: for each learned slot the softmax of its opcode and register logits, and for an
 * instruction the best of its slots' probabilities (op × the registers it names). The sketch search
 * uses it to order the programs of one cost (most probable first) instead of a random order; it
 * costs no episode beyond the gradient steps that produced the parameters.
 */
final class GradientGuide {
    private final double[][] op, rd, rs1, rs2;

    private GradientGuide(double[] params, int slots) {
        op = new double[slots][];
        rd = new double[slots][];
        rs1 = new double[slots][];
        rs2 = new double[slots][];
        for (int k = 0; k < slots; k++) {
            int at = k * TcParams.PER_INSTRUCTION;
            op[k] = softmax(params, at + TcParams.OPCODE, TcOp.COUNT);
            rd[k] = softmax(params, at + TcParams.RD, TcMachineSpec.REGISTERS);
            rs1[k] = softmax(params, at + TcParams.RS1, TcMachineSpec.REGISTERS);
            rs2[k] = softmax(params, at + TcParams.RS2, TcMachineSpec.REGISTERS);
        }
    }

    /** The guide of a state's soft parameters, or null when no gradient phase ran. */
    static GradientGuide of(LearnState state) {
        if (state.params == null || state.softSlots < 1) return null;
        return new GradientGuide(state.params, Math.min(state.softSlots, state.params.length / TcParams.PER_INSTRUCTION));
    }

    /** Σ over the program's straight instructions of log(best slot probability): higher is more preferred. */
    double score(List<TcInstruction> code) {
        double total = 0;
        for (TcInstruction i : code) {
            if (i.op().isJump() || i.op() == TcOp.CMP || i.op() == TcOp.HALT || i.op() == TcOp.CALL || i.op() == TcOp.RET) continue;
            double best = 0;
            var s = i.op().shape();
            for (int k = 0; k < op.length; k++) {
                double p = op[k][i.op().ordinal()] * (s.rd ? rd[k][i.rd()] : 1) * (s.rs1 ? rs1[k][i.rs1()] : 1) * (s.rs2 ? rs2[k][i.rs2()] : 1);
                best = Math.max(best, p);
            }
            total += Math.log(1e-12 + best);
        }
        return total;
    }

    private static double[] softmax(double[] p, int from, int count) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) max = Math.max(max, p[from + i]);
        double[] out = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) sum += out[i] = Math.exp(p[from + i] - max);
        for (int i = 0; i < count; i++) out[i] /= sum;
        return out;
    }
}
