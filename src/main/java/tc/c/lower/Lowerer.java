package tc.c.lower;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import tc.c.ast.FunctionDecl;
import tc.c.check.CheckedProgram;
import tc.c.check.VarSymbol;
import tc.ir.IrFunction;
import tc.ir.IrProgram;
import tc.ir.Var;

/** Checked programs to one {@link IrProgram}: the user's functions first, then the run-time library's. */
public final class Lowerer {
    private Lowerer() {}

    /**
     * @param user    the checked user program (its file becomes the IR program's source)
     * @param runtime the checked run-time library ({@link Prelude}), or null to leave it out
     */
    public static IrProgram lower(CheckedProgram user, CheckedProgram runtime) {
        VarIds ids = new VarIds();
        List<Var> globals = new ArrayList<>();
        List<IrFunction> functions = new ArrayList<>();
        lowerUnit(user, ids, globals, functions);
        if (runtime != null) {
            if (runtime.wordBits() != user.wordBits()) throw new IllegalArgumentException("word widths differ");
            lowerUnit(runtime, ids, globals, functions);
        }
        return new IrProgram(user.wordBits(), globals, functions, user.unit().file());
    }

    private static void lowerUnit(CheckedProgram p, VarIds ids, List<Var> globals, List<IrFunction> functions) {
        Map<VarSymbol, Var> map = new IdentityHashMap<>();
        for (VarSymbol g : p.globals()) {
            Var v = new Var(ids.next(), g.name(), Var.Kind.GLOBAL, null, g.size(), g.isArray(), g.init(), g.pos());
            map.put(g, v);
            globals.add(v);
        }
        for (FunctionDecl f : p.functions()) {
            functions.add(StmtLowerer.lower(new FunctionContext(p, f.name(), ids, map), f));
        }
    }
}
