package tc.c.ast;

import tc.source.SourcePos;

/** What a translation unit is made of: global variables and functions. */
public sealed interface TopLevel permits VarDecl, FunctionDecl {
    String name();

    SourcePos pos();
}
