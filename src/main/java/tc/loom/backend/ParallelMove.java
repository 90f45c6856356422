package tc.loom.backend;

import java.util.ArrayList;
import java.util.List;
import tc.loom.backend.Asm.Cell;
import tc.loom.backend.Asm.Ref;
import tc.loom.isa.Opcode;

/**
 * Copies values into cells "all at once", as argument passing requires: in a recursive
 * {@code f(b, a)} the source of one move is the destination of another. Moves are emitted once no
 * pending move still reads their destination; a remaining cycle is a 2-cycle (one SWAP) or is
 * broken through a scratch cell.
 */
final class ParallelMove {
    private ParallelMove() {}

    private record Move(Cell dst, Ref src) {}

    /** dsts[i] ← srcs[i] for all i simultaneously; destinations must be distinct. */
    static void emit(Emitter e, List<Cell> dsts, List<Ref> srcs, Cell scratch) {
        List<Move> pending = new ArrayList<>();
        for (int i = 0; i < dsts.size(); i++)
            if (!dsts.get(i).equals(srcs.get(i))) pending.add(new Move(dsts.get(i), srcs.get(i)));
        while (!pending.isEmpty()) {
            Move ready = null;
            for (Move m : pending) if (!readByOther(pending, m)) { ready = m; break; }
            if (ready != null) {
                e.op(Opcode.MOV, ready.dst(), ready.src());
                pending.remove(ready);
                continue;
            }
            // every pending move is on a cycle
            Move first = pending.get(0);
            Move partner = null;
            for (Move m : pending) if (m.dst().equals(first.src()) && m.src().equals(first.dst())) partner = m;
            if (partner != null) {
                e.op(Opcode.SWAP, first.dst(), partner.dst());
                pending.remove(first);
                pending.remove(partner);
            } else {
                e.op(Opcode.MOV, scratch, first.src());
                pending.set(0, new Move(first.dst(), scratch));
            }
        }
    }

    private static boolean readByOther(List<Move> pending, Move m) {
        for (Move o : pending) if (o != m && o.src().equals(m.dst())) return true;
        return false;
    }
}
