package tc.c.ast;

import java.util.List;
import tc.source.SourcePos;

/** A function definition, or a prototype when body is null; pos is the name's. */
public record FunctionDecl(boolean returnsVoid, String name, List<Param> params, Stmt.Block body, SourcePos pos) implements TopLevel {
    public FunctionDecl { params = List.copyOf(params); }

    public boolean isDefinition() { return body != null; }
}
