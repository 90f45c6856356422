package tc.c.ast;

import tc.source.SourcePos;

/**
 * A function parameter ({@code int name}, or {@code const int name}, which the body may not
 * assign); with {@code pointer}, {@code int *name} or its synonym {@code int name[]}: the caller's
 * array is passed by reference, as its address.
 */
public record Param(String name, SourcePos pos, boolean constant, boolean pointer) {
    public Param(String name, SourcePos pos, boolean constant) { this(name, pos, constant, false); }
}
