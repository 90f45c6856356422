package tc.c.ast;

import java.util.List;
import tc.source.SourcePos;

/**
 * One declared variable.
 *
 * @param name     its name
 * @param pos      the name's position
 * @param array    declared with brackets
 * @param size     the bracketed size expression; null for scalars and for {@code a[]}
 * @param init     a scalar initializer, or null
 * @param initList a brace initializer's elements, or null
 * @param initPos  where the initializer starts (null without one)
 * @param constant declared {@code const}: never assigned after its initializer
 * @param isStatic declared {@code static}: inside a function, one variable for all calls,
 *                 initialised once before the program starts; at file scope, no difference
 *                 (a program is one file)
 */
public record VarDecl(String name, SourcePos pos, boolean array, Expr size, Expr init, List<Expr> initList, SourcePos initPos,
                      boolean constant, boolean isStatic)
        implements TopLevel {
    public VarDecl { initList = initList == null ? null : List.copyOf(initList); }

    public boolean hasInitializer() { return init != null || initList != null; }
}
