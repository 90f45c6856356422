package tc.loom.backend;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tc.ir.Instr;
import tc.ir.IrFunction;
import tc.ir.Operand;
import tc.ir.Var;

/**
 * Backward live-variable analysis over one function's IR, restricted to the function's own
 * variables (globals are shared, never saved). It decides which cells a recursive call must save:
 * exactly those whose current value may still be read after the call returns.
 *
 * <p>Arrays are one unit: reading an element uses the whole array and writing one element does not
 * kill it, so an array is saved whole whenever any element may still be read.
 */
final class Liveness {
    private final IrFunction function;
    private final List<Var> vars = new ArrayList<>();
    private final Map<Var, Integer> slot = new HashMap<>();
    private final BitSet[] liveOut;

    private Liveness(IrFunction function) {
        this.function = function;
        for (Var v : function.params()) add(v);
        for (Var v : function.locals()) add(v);
        this.liveOut = new BitSet[function.body().size()];
    }

    private void add(Var v) {
        if (!slot.containsKey(v)) {
            slot.put(v, vars.size());
            vars.add(v);
        }
    }

    static Liveness of(IrFunction function) {
        Liveness l = new Liveness(function);
        l.solve();
        return l;
    }

    /** The function's variables whose value is needed after the call at {@code index}, besides its result. */
    List<Var> liveAcrossCall(int index) {
        Instr.Call call = (Instr.Call) function.body().get(index);
        List<Var> out = new ArrayList<>();
        BitSet live = liveOut[index];
        for (int k = live.nextSetBit(0); k >= 0; k = live.nextSetBit(k + 1)) {
            Var v = vars.get(k);
            if (v != call.dst()) out.add(v);
        }
        return out;
    }

    private void solve() {
        List<Instr> body = function.body();
        int n = body.size();
        Map<String, Integer> labels = new HashMap<>();
        for (int i = 0; i < n; i++) if (body.get(i) instanceof Instr.Label l) labels.put(l.name(), i);
        BitSet[] use = new BitSet[n], def = new BitSet[n];
        int[][] succ = new int[n][];
        for (int i = 0; i < n; i++) {
            use[i] = new BitSet();
            def[i] = new BitSet();
            liveOut[i] = new BitSet();
            Instr ins = body.get(i);
            usesAndDefs(ins, use[i], def[i]);
            succ[i] = switch (ins) {
                case Instr.Jump j -> new int[] {target(labels, j.target())};
                case Instr.Branch b -> i + 1 < n ? new int[] {target(labels, b.target()), i + 1} : new int[] {target(labels, b.target())};
                case Instr.Return r -> new int[0];
                default -> i + 1 < n ? new int[] {i + 1} : new int[0];
            };
        }
        BitSet[] liveIn = new BitSet[n];
        for (int i = 0; i < n; i++) liveIn[i] = new BitSet();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = n - 1; i >= 0; i--) {
                BitSet out = new BitSet();
                for (int s : succ[i]) out.or(liveIn[s]);
                BitSet in = (BitSet) out.clone();
                in.andNot(def[i]);
                in.or(use[i]);
                if (!out.equals(liveOut[i]) || !in.equals(liveIn[i])) {
                    liveOut[i] = out;
                    liveIn[i] = in;
                    changed = true;
                }
            }
        }
    }

    private int target(Map<String, Integer> labels, String name) {
        Integer t = labels.get(name);
        if (t == null) throw new IllegalStateException("IR of " + function.name() + " jumps to undefined label " + name);
        return t;
    }

    private void usesAndDefs(Instr ins, BitSet use, BitSet def) {
        switch (ins) {
            case Instr.Move m -> { use(use, m.src()); def(def, m.dst()); }
            case Instr.Unary u -> { use(use, u.src()); def(def, u.dst()); }
            case Instr.Binary b -> { use(use, b.left()); use(use, b.right()); def(def, b.dst()); }
            case Instr.LoadElem l -> { use(use, l.array()); use(use, l.index()); def(def, l.dst()); }
            case Instr.StoreElem s -> { use(use, s.array()); use(use, s.index()); use(use, s.src()); }
            case Instr.AddrOf a -> { use(use, a.target()); def(def, a.dst()); }
            case Instr.Load l -> { use(use, l.address()); def(def, l.dst()); }
            case Instr.Store st -> { use(use, st.address()); use(use, st.src()); }
            case Instr.Swap s -> { use(use, s.a()); use(use, s.b()); }
            case Instr.Branch b -> { use(use, b.left()); use(use, b.right()); }
            case Instr.Call c -> { for (Operand a : c.args()) use(use, a); if (c.dst() != null) def(def, c.dst()); }
            case Instr.Return r -> { if (r.value() != null) use(use, r.value()); }
            case Instr.Output o -> use(use, o.value());
            case Instr.Device d -> throw new IllegalStateException("device builtins are refused before liveness");
            case Instr.Label l -> { }
            case Instr.Jump j -> { }
            case Instr.Line l -> { }
        }
    }

    private void use(BitSet set, Operand o) {
        if (o instanceof Var v && slot.containsKey(v)) set.set(slot.get(v));
    }

    /** Only a whole-variable write kills: arrays are never written whole. */
    private void def(BitSet set, Var v) {
        Integer k = slot.get(v);
        if (k != null && !v.isArray()) set.set(k);
    }
}
