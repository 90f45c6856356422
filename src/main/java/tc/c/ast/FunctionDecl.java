package tc.c.ast;

import java.util.List;
import tc.source.SourcePos;

/** A function definition, or a prototype when body is null; pos is the name's; returnsPointer for {@code int *f(…)}. */
public record FunctionDecl(boolean returnsVoid, String name, List<Param> params, Stmt.Block body, SourcePos pos, boolean returnsPointer)
        implements TopLevel {
    public FunctionDecl { params = List.copyOf(params); }

    public FunctionDecl(boolean returnsVoid, String name, List<Param> params, Stmt.Block body, SourcePos pos) {
        this(returnsVoid, name, params, body, pos, false);
    }

    public boolean isDefinition() { return body != null; }
}
