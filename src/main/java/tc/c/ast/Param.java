package tc.c.ast;

import tc.source.SourcePos;

/** A function parameter ({@code int name}, or {@code const int name}, which the body may not assign). */
public record Param(String name, SourcePos pos, boolean constant) {}
