package tc.learn;

import java.util.List;
import tc.computer.isa.TcInstruction;

/**
 * Extraction: the minimal form of a solved program. Instructions are removed one at a time, last
 * first, and a removal is kept when the shorter program is still perfect on the training batch and
 * on the held-out set (two episodes); this repeats until no single removal survives. Dead stores,
 * unreachable code and no-op jumps all go this way. The library routines a program calls are laid
 * out after its own code and are not its to shrink: removals stop at the HALT before them (else
 * the shortest form would be the routines inlined by deleting the CALL/RET scaffolding).
 */
public final class Extraction implements Phase {
    @Override public String name() { return "extract"; }

    @Override public void run(LearnContext ctx) {
        LearnState state = ctx.state();
        if (!state.solved) return;
        Task task = ctx.task();
        boolean shrunk = true;
        while (shrunk && !state.program.isEmpty()) {
            shrunk = false;
            for (int pos = ownLength(state.program) - 1; pos >= 0; pos--) {
                List<TcInstruction> shorter = Mutations.canonical(Mutations.delete(state.program, pos));
                Evaluation train = ctx.counter().evaluate(ctx.program(shorter), task, task.train());
                if (!train.perfect()) continue;
                Evaluation test = ctx.counter().evaluate(ctx.program(shorter), task, task.test());
                if (!test.perfect()) continue;
                state.program = shorter;
                state.train = train;
                state.heldOut = test.accuracy();
                shrunk = true;
                break;
            }
        }
    }

    /** The program's own instructions: all of them, or those before the HALT that precedes its first called routine. */
    static int ownLength(List<TcInstruction> program) {
        int own = program.size();
        for (TcInstruction i : program)
            if (i.op() == tc.computer.isa.TcOp.CALL) own = Math.min(own, Math.max(0, i.imm() - 1));
        return own;
    }
}
