package tc.c.check;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import tc.c.ast.Expr;
import tc.c.ast.FunctionDecl;
import tc.c.ast.Param;
import tc.c.ast.TranslationUnit;
import tc.c.ast.VarDecl;

/**
 * A translation unit that passed every check, with each name use resolved to its declaration.
 *
 * @param functions the defined functions, in source order
 * @param globals   global variables in declaration order, with initial contents
 * @param sizes     the value of each {@code sizeof}
 * @param userFunctions the names of the functions the program declares: a call of one of them
 *                  reaches the user's function even when a builtin has the same name
 * @param types     the type of every checked expression that yields a value
 * @param elements  each array declaration's initial elements in cell order (null entries are 0):
 *                  a brace list, a string's characters and zero, or a two-dimensional array's rows laid end to end
 */
public record CheckedProgram(TranslationUnit unit, int wordBits, List<FunctionDecl> functions, List<VarSymbol> globals,
                             Map<Object, VarSymbol> resolution, Map<Expr.SizeOf, Integer> sizes, java.util.Set<String> userFunctions,
                             Map<Expr, CType> types, Map<VarDecl, List<Expr>> elements)
        implements ConstEval.Facts {
    public CheckedProgram {
        functions = List.copyOf(functions);
        globals = List.copyOf(globals);
        resolution = new IdentityHashMap<>(resolution);
        sizes = new IdentityHashMap<>(sizes);
        userFunctions = java.util.Set.copyOf(userFunctions);
        types = new IdentityHashMap<>(types);
        elements = new IdentityHashMap<>(elements);
    }

    /** The type of a checked expression (INT for one never typed, such as a void call's). */
    public CType type(Expr e) { return types.getOrDefault(e, CType.INT); }

    /** An array declaration's initial elements in cell order, null entries meaning 0; empty without an initializer. */
    public List<Expr> elements(VarDecl d) { return elements.getOrDefault(d, List.of()); }

    /** The anonymous global array a string literal denotes. */
    public VarSymbol symbol(Expr.StringLit s) { return get(s); }

    @Override public int sizeOf(Expr.SizeOf s) {
        Integer n = sizes.get(s);
        if (n == null) throw new IllegalStateException("unchecked sizeof at " + s.pos());
        return n;
    }

    @Override public Builtin builtin(Expr.Call c) { return userFunctions.contains(c.name()) ? null : Builtin.byName(c.name()); }

    /** The variable a name use refers to. */
    public VarSymbol symbol(Expr.Name use) { return get(use); }

    /** The variable a declaration introduces. */
    public VarSymbol symbol(VarDecl decl) { return get(decl); }

    public VarSymbol symbol(Param param) { return get(param); }

    private VarSymbol get(Object node) {
        VarSymbol v = resolution.get(node);
        if (v == null) throw new IllegalStateException("unresolved node " + node);
        return v;
    }
}
