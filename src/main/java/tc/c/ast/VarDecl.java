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
 * @param init     a scalar initializer, or a string literal initialising an array, or null
 * @param initList a brace initializer's elements, or null; in a two-dimensional array's, a braced
 *                 row is one {@link Expr.Comma} of the row's elements (a comma expression cannot
 *                 appear there otherwise: initializer elements are assignment expressions)
 * @param initPos  where the initializer starts (null without one)
 * @param constant declared {@code const}: never assigned after its initializer
 * @param pointer  declared {@code int *name}: a pointer to int
 * @param size2    the second bracketed size of a two-dimensional array {@code name[size][size2]}, else null
 * @param isStatic declared {@code static}: inside a function, one variable for all calls,
 *                 initialised once before the program starts; at file scope, no difference
 *                 (a program is one file)
 */
public record VarDecl(String name, SourcePos pos, boolean array, Expr size, Expr init, List<Expr> initList, SourcePos initPos,
                      boolean constant, boolean isStatic, boolean pointer, Expr size2)
        implements TopLevel {
    public VarDecl { initList = initList == null ? null : List.copyOf(initList); }

    /** An int or a one-dimensional array of int. */
    public VarDecl(String name, SourcePos pos, boolean array, Expr size, Expr init, List<Expr> initList, SourcePos initPos,
                   boolean constant, boolean isStatic) {
        this(name, pos, array, size, init, initList, initPos, constant, isStatic, false, null);
    }

    /** Declared with two bracketed sizes. */
    public boolean twoDimensional() { return size2 != null; }

    public boolean hasInitializer() { return init != null || initList != null; }
}
