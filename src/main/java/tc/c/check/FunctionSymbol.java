package tc.c.check;

import tc.c.ast.FunctionDecl;
import tc.source.SourcePos;

/**
 * A function known to the program: from its first declaration, with its definition once seen.
 *
 * @param definition the declaration with a body, or null when only prototypes exist
 */
public record FunctionSymbol(String name, int arity, boolean returnsVoid, SourcePos pos, FunctionDecl definition) {}
