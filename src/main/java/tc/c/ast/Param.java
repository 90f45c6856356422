package tc.c.ast;

import tc.source.SourcePos;

/** A function parameter ({@code int name}). */
public record Param(String name, SourcePos pos) {}
