package tc.learn;

import java.util.List;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcOp;

/**
 * Register liveness of a straight program (backward dataflow over its control-flow graph, flags
 * counted as one more register). The sketch search uses it to skip, without spending an episode,
 * programs with a dead instruction — one whose every result is overwritten or never read on any
 * path — since deleting it gives a shorter program with the same outputs, which the search reaches
 * first.
 */
final class Liveness {
    private Liveness() {}

    private static final int FLAGS = 1 << 16;

    /** Whether some instruction of {@code code} writes only values no path reads (outputs: registers in {@code outputMask} are read at HALT). */
    static boolean hasDeadInstruction(List<TcInstruction> code, int outputMask) {
        int n = code.size();
        int[] liveIn = liveIn(code, outputMask);
        for (int i = 0; i < n; i++) {
            int d = defs(code.get(i));
            if (d != 0 && (d & liveOut(code, i, liveIn)) == 0) return true;
        }
        return false;
    }

    /** The registers {@code code} may read before writing them (outputs: read at HALT), as a mask. */
    static int readBeforeWritten(List<TcInstruction> code, int outputMask) {
        return liveIn(code, outputMask)[0] & ~FLAGS;
    }

    /** The registers live before each instruction (and at the end), by backward dataflow to a fixed point. */
    private static int[] liveIn(List<TcInstruction> code, int outputMask) {
        int n = code.size();
        int[] liveIn = new int[n + 1];
        liveIn[n] = outputMask; // the HALT past the end reads the outputs
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = n - 1; i >= 0; i--) {
                int in = uses(code.get(i)) | (liveOut(code, i, liveIn) & ~defs(code.get(i)));
                if (in != liveIn[i]) {
                    liveIn[i] = in;
                    changed = true;
                }
            }
        }
        return liveIn;
    }

    /** Whether {@code code} writes one of the registers in {@code mask}. */
    static boolean writesAny(List<TcInstruction> code, int mask) {
        for (TcInstruction i : code) if ((defs(i) & mask & ~FLAGS) != 0) return true;
        return false;
    }

    private static int liveOut(List<TcInstruction> code, int i, int[] liveIn) {
        int n = code.size();
        TcInstruction ins = code.get(i);
        TcOp op = ins.op();
        if (op == TcOp.HALT) return 0;
        int out = 0;
        if (op.isJump()) out |= liveIn[Math.min(Math.max(ins.imm(), 0), n)];
        if (op != TcOp.JMP) out |= liveIn[i + 1];
        return out;
    }

    static int uses(TcInstruction i) {
        var s = i.op().shape();
        int u = 0;
        if (s.rs1) u |= 1 << i.rs1();
        if (s.rs2) u |= 1 << i.rs2();
        if (i.op().isJump() && i.op() != TcOp.JMP) u |= FLAGS;
        return u;
    }

    static int defs(TcInstruction i) {
        int d = i.op().shape().rd ? 1 << i.rd() : 0;
        if (i.op().setsFlags()) d |= FLAGS;
        return d;
    }
}
