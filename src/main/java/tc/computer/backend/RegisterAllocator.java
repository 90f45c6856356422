package tc.computer.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc.ir.Instr;
import tc.ir.IrFunction;
import tc.ir.Operand;
import tc.ir.Var;

/**
 * Priority-based register allocation: every scalar parameter, local and temporary of a function
 * gets one home for the whole activation. The ten most used scalars (uses inside loops weigh ten
 * times more per nesting level) get the callee-saved registers r4..r13; the rest are spilled to
 * frame words. One home per variable (rather than per live range) keeps the final value of every
 * variable of main readable after the run, which the corpus and {@code --json} report.
 */
final class RegisterAllocator {
    static final int FIRST = 4, LAST = 13;

    private RegisterAllocator() {}

    /** Registers for the chosen scalars, in allocation order. */
    static Map<Var, Integer> allocate(IrFunction f) {
        Map<Var, Double> weight = new LinkedHashMap<>();
        for (Var v : f.params()) weight.put(v, 0.0);
        for (Var v : f.locals()) if (!v.isArray()) weight.put(v, 0.0);
        // A variable whose address is taken lives in the frame, where a pointer can reach it.
        for (Instr in : f.body()) if (in instanceof Instr.AddrOf a) weight.remove(a.target());
        int[] depth = loopDepth(f.body());
        for (int i = 0; i < f.body().size(); i++) {
            double w = Math.pow(10, Math.min(depth[i], 4));
            for (Var v : mentioned(f.body().get(i))) weight.computeIfPresent(v, (k, old) -> old + w);
        }
        List<Var> order = new ArrayList<>(weight.keySet());
        order.sort(Comparator.comparingDouble((Var v) -> -weight.get(v)));
        Map<Var, Integer> regs = new LinkedHashMap<>();
        int next = FIRST;
        for (Var v : order) {
            if (next > LAST || weight.get(v) == 0) break;
            regs.put(v, next++);
        }
        return regs;
    }

    /** For each instruction, how many backward jumps span it (a loop nesting estimate). */
    static int[] loopDepth(List<Instr> body) {
        Map<String, Integer> labels = new HashMap<>();
        for (int i = 0; i < body.size(); i++) if (body.get(i) instanceof Instr.Label l) labels.put(l.name(), i);
        int[] depth = new int[body.size()];
        for (int j = 0; j < body.size(); j++) {
            String target = switch (body.get(j)) {
                case Instr.Jump jump -> jump.target();
                case Instr.Branch b -> b.target();
                default -> null;
            };
            Integer i = target == null ? null : labels.get(target);
            if (i != null && i <= j) for (int k = i; k <= j; k++) depth[k]++;
        }
        return depth;
    }

    static List<Var> mentioned(Instr in) {
        List<Operand> ops = switch (in) {
            case Instr.Move m -> List.of(m.dst(), m.src());
            case Instr.Unary u -> List.of(u.dst(), u.src());
            case Instr.Binary b -> List.of(b.dst(), b.left(), b.right());
            case Instr.LoadElem l -> List.of(l.dst(), l.index());
            case Instr.StoreElem s -> List.of(s.index(), s.src());
            case Instr.AddrOf a -> List.of(a.dst());
            case Instr.Load l -> List.of(l.dst(), l.address());
            case Instr.Store st -> List.of(st.address(), st.src());
            case Instr.Swap s -> List.of(s.a(), s.b());
            case Instr.Branch b -> List.of(b.left(), b.right());
            case Instr.Call c -> {
                List<Operand> all = new ArrayList<>(c.args());
                if (c.dst() != null) all.add(c.dst());
                yield all;
            }
            case Instr.Return r -> r.value() == null ? List.of() : List.of(r.value());
            case Instr.Output o -> List.of(o.value());
            case Instr.Device d -> {
                List<Operand> all = new ArrayList<>(d.args());
                if (d.dst() != null) all.add(d.dst());
                yield all;
            }
            case Instr.Label l -> List.of();
            case Instr.Jump j -> List.of();
            case Instr.Line l -> List.of();
        };
        List<Var> vars = new ArrayList<>();
        for (Operand o : ops) if (o instanceof Var v) vars.add(v);
        return vars;
    }
}
