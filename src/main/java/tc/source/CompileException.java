package tc.source;

import java.util.List;

/** Thrown by every compiler stage for an error in the user's program; carries the diagnostic to print. */
public final class CompileException extends RuntimeException {
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
