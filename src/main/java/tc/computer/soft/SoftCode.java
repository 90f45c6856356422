package tc.computer.soft;

import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcParams;

/**
 * A program's parameters turned into per-slot distributions: opcode and register softmaxes and
 * immediate bit probabilities. They do not depend on the machine state, so they are computed once
 * per run and shared by every step and batch element; {@link #backward} maps gradients on them back
 * to the 112 parameters of each slot.
 */
final class SoftCode {
    static final int OPS = TcOp.COUNT, REGS = TcMachineSpec.REGISTERS, BITS = TcParams.IMM_BITS;

    final int slots;
    final SoftTemperatures tau;
    /** Row-major [slot][opcode], [slot][register] and [slot][bit]. */
    final double[] op, rd, rs1, rs2, bit;
    /**
     * The same distributions fused per slot, {@value #ROW} numbers in the order opcode, rd, rs1,
     * rs2, bits (the order of the parameters): fetch = PCᵀ · rows is then one contiguous loop per
     * slot, which the JIT vectorises.
     */
    final double[] rows;
    static final int ROW = OPS + 3 * REGS + BITS, AT_OP = 0, AT_RD = OPS, AT_RS1 = OPS + REGS, AT_RS2 = OPS + 2 * REGS, AT_BIT = OPS + 3 * REGS;

    SoftCode(double[] params, int slots, SoftTemperatures tau) {
        if (params.length != slots * TcParams.PER_INSTRUCTION)
            throw new IllegalArgumentException("expected " + slots * TcParams.PER_INSTRUCTION + " parameters for " + slots + " slots, got " + params.length);
        this.slots = slots;
        this.tau = tau;
        op = new double[slots * OPS];
        rd = new double[slots * REGS];
        rs1 = new double[slots * REGS];
        rs2 = new double[slots * REGS];
        bit = new double[slots * BITS];
        for (int s = 0; s < slots; s++) {
            int p = s * TcParams.PER_INSTRUCTION;
            softmax(params, p + TcParams.OPCODE, op, s * OPS, OPS, tau.opcode());
            softmax(params, p + TcParams.RD, rd, s * REGS, REGS, tau.register());
            softmax(params, p + TcParams.RS1, rs1, s * REGS, REGS, tau.register());
            softmax(params, p + TcParams.RS2, rs2, s * REGS, REGS, tau.register());
            for (int i = 0; i < BITS; i++) bit[s * BITS + i] = sigmoid(params[p + TcParams.IMM + i] / tau.immediate());
        }
        rows = new double[slots * ROW];
        for (int s = 0; s < slots; s++) {
            System.arraycopy(op, s * OPS, rows, s * ROW + AT_OP, OPS);
            System.arraycopy(rd, s * REGS, rows, s * ROW + AT_RD, REGS);
            System.arraycopy(rs1, s * REGS, rows, s * ROW + AT_RS1, REGS);
            System.arraycopy(rs2, s * REGS, rows, s * ROW + AT_RS2, REGS);
            System.arraycopy(bit, s * BITS, rows, s * ROW + AT_BIT, BITS);
        }
    }

    /** Gradients with respect to the distributions, laid out like {@link #rows}. */
    static final class Grad {
        final double[] rows;

        Grad(int slots) { rows = new double[slots * ROW]; }

        void add(Grad o) { for (int i = 0; i < rows.length; i++) rows[i] += o.rows[i]; }
    }

    /** Adds the parameter gradient implied by {@code g} to {@code out} (112 per slot). */
    void backward(Grad g, double[] out) {
        for (int s = 0; s < slots; s++) {
            int p = s * TcParams.PER_INSTRUCTION;
            int r = s * ROW;
            softmaxBackward(op, s * OPS, g.rows, r + AT_OP, OPS, tau.opcode(), out, p + TcParams.OPCODE);
            softmaxBackward(rd, s * REGS, g.rows, r + AT_RD, REGS, tau.register(), out, p + TcParams.RD);
            softmaxBackward(rs1, s * REGS, g.rows, r + AT_RS1, REGS, tau.register(), out, p + TcParams.RS1);
            softmaxBackward(rs2, s * REGS, g.rows, r + AT_RS2, REGS, tau.register(), out, p + TcParams.RS2);
            for (int i = 0; i < BITS; i++) {
                double b = bit[s * BITS + i];
                out[p + TcParams.IMM + i] += g.rows[r + AT_BIT + i] * b * (1 - b) / tau.immediate();
            }
        }
    }

    private static void softmax(double[] z, int from, double[] out, int to, int n, double tau) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) max = Math.max(max, z[from + i]);
        double sum = 0;
        for (int i = 0; i < n; i++) sum += out[to + i] = Math.exp((z[from + i] - max) / tau);
        for (int i = 0; i < n; i++) out[to + i] /= sum;
    }

    private static void softmaxBackward(double[] p, int at, double[] gp, int gAt, int n, double tau, double[] out, int to) {
        double dot = 0;
        for (int i = 0; i < n; i++) dot += p[at + i] * gp[gAt + i];
        for (int i = 0; i < n; i++) out[to + i] += p[at + i] * (gp[gAt + i] - dot) / tau;
    }

    /** σ(x), computed so that large |x| gives exactly 0 or 1. */
    static double sigmoid(double x) {
        if (x >= 0) return 1 / (1 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1 + e);
    }
}
