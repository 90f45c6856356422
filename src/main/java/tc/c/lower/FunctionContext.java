package tc.c.lower;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import tc.c.check.CheckedProgram;
import tc.c.check.VarSymbol;
import tc.ir.Instr;
import tc.ir.Operand;
import tc.ir.Var;
import tc.source.SourcePos;

/**
 * The state of one function being lowered: its instructions, variables, labels and the pool of
 * temporaries. A temporary is busy from the instruction that writes it until its value is
 * consumed; allocation takes the lowest free one, so a function needs as many temporaries as
 * values are simultaneously pending, not one per subexpression.
 */
final class FunctionContext {
    final CheckedProgram program;
    final int bits;
    final String name;
    private final VarIds ids;
    private final Map<VarSymbol, Var> globals;
    private final Map<VarSymbol, Var> own = new IdentityHashMap<>();
    private final java.util.Set<Var> addressTaken = new java.util.HashSet<>();
    final List<Var> params = new ArrayList<>();
    final List<Var> locals = new ArrayList<>();
    final List<Instr> body = new ArrayList<>();
    private final List<Var> temps = new ArrayList<>();
    private final List<Boolean> busy = new ArrayList<>();
    private int labels;

    FunctionContext(CheckedProgram program, String name, VarIds ids, Map<VarSymbol, Var> globals) {
        this.program = program;
        this.bits = program.wordBits();
        this.name = name;
        this.ids = ids;
        this.globals = globals;
    }

    void emit(Instr i) { body.add(i); }

    /** A fresh label, unique within the function. */
    String label(String hint) { return hint + "_" + labels++; }

    Var param(VarSymbol s) {
        Var v = new Var(ids.next(), s.name(), Var.Kind.PARAM, name, 1, false, null, s.pos());
        own.put(s, v);
        params.add(v);
        if (s.isAddressTaken()) addressTaken.add(v);
        return v;
    }

    /** A block-scoped variable; init is its static contents or null when instructions set it. */
    Var local(VarSymbol s, int[] init) {
        Var v = new Var(ids.next(), s.name(), Var.Kind.LOCAL, name, s.size(), s.isArray(), init, s.pos());
        own.put(s, v);
        locals.add(v);
        if (s.isAddressTaken()) addressTaken.add(v);
        return v;
    }

    /** Whether {@code &} takes this local's or parameter's address somewhere: then calls and stores through pointers may change it. */
    boolean addressTaken(Var v) { return addressTaken.contains(v); }

    Var var(VarSymbol s) {
        Var v = own.get(s);
        if (v == null) v = globals.get(s);
        if (v == null) throw new IllegalStateException("no variable for " + s);
        return v;
    }

    Var temp() {
        for (int i = 0; i < temps.size(); i++) {
            if (!busy.get(i)) {
                busy.set(i, true);
                return temps.get(i);
            }
        }
        Var t = new Var(ids.next(), "t" + temps.size(), Var.Kind.TEMP, name, 1, false, null, SourcePos.NONE);
        temps.add(t);
        busy.add(true);
        locals.add(t);
        return t;
    }

    /** Marks a consumed value's temporary free again; a no-op for variables and immediates. */
    void release(Operand o) {
        if (o instanceof Var v && v.kind() == Var.Kind.TEMP) {
            int i = temps.indexOf(v);
            if (i >= 0) busy.set(i, false);
        }
    }
}
