package tc.source;

import java.util.List;

/**
 * Thrown by every compiler stage for an error in the user's program; carries the diagnostic to
 * print. Open for subclasses that let a caller act on one kind of error by its type (a program too
 * large for a machine, say) rather than by its wording.
 */
public class CompileException extends RuntimeException {
    private final transient Diagnostic diagnostic;

    public CompileException(Diagnostic diagnostic) {
        super(diagnostic.header(), null, false, false);
        this.diagnostic = diagnostic;
    }

    public CompileException(SourceFile file, SourcePos pos, String message) {
        this(new Diagnostic(file, pos, message));
    }

    public Diagnostic diagnostic() { return diagnostic; }

    public List<Diagnostic> diagnostics() { return List.of(diagnostic); }
}
