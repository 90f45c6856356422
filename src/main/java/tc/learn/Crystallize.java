package tc.learn;

import java.util.ArrayList;
import java.util.List;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcParams;

/**
 * Crystallisation: the most likely discrete program under the soft parameters (argmax of every
 * group, {@link TcParams#decode}), evaluated on the training batch (one episode) and, when it is
 * perfect there, verified on the held-out set. Without parameters (no gradient phase ran) there is
 * nothing to crystallise and the phase does nothing.
 */
public final class Crystallize implements Phase {
    @Override public String name() { return "crystallize"; }

    @Override public void run(LearnContext ctx) {
        LearnState state = ctx.state();
        if (state.params == null || state.solved) return;
        List<TcInstruction> code = Mutations.canonical(decode(state.params, ctx.task().maxLength(), ctx.task().spec()));
        Evaluation e = ctx.counter().evaluate(ctx.program(code), ctx.task(), ctx.task().train());
        if (state.train == null || e.score() > state.train.score()) {
            state.program = code;
            state.train = e;
            state.record(new LearnState.CurvePoint(ctx.counter().episodes(), e.score(), e.accuracy(), Double.NaN, name()));
        }
        if (e.perfect()) ctx.verify(code, e, name());
    }

    /** The argmax program of the first {@code maxLength} slots, without its trailing HALTs; jump targets reduced modulo the slots. */
    static List<TcInstruction> decode(double[] params, int maxLength, tc.computer.isa.TcMachineSpec spec) {
        int slots = Math.min(maxLength, params.length / TcParams.PER_INSTRUCTION);
        List<TcInstruction> code = new ArrayList<>();
        for (int k = 0; k < slots; k++) {
            TcInstruction i = TcParams.decode(params, k * TcParams.PER_INSTRUCTION);
            // A jump reads only the low pcBits of its immediate: keep the target the machine would take.
            code.add(i.op().isJump() ? Mutations.retarget(i, spec.target(i.imm())) : i);
        }
        while (!code.isEmpty() && code.get(code.size() - 1).op() == TcOp.HALT) code.remove(code.size() - 1);
        return code;
    }
}
