package tc.learn;

import java.util.List;
import tc.computer.isa.TcInstruction;

/**
 * Extraction: the minimal form of a solved program. Instructions are removed one at a time, last
 * first, and a removal is kept when the shorter program is still perfect on the training batch and
 * on the held-out set (two episodes); this repeats until no single removal survives. Dead stores,
 * unreachable code and no-op jumps all go this way.
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
            for (int pos = state.program.size() - 1; pos >= 0; pos--) {
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
}
