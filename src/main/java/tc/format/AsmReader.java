package tc.format;

import tc.isa.Program;
import tc.source.SourceFile;

/** Assembly text → program; errors are {@link tc.source.CompileException}s with file:line:col. */
public final class AsmReader {
    private AsmReader() {}

    /** STUB: to be written. */
    public static Program read(SourceFile source) { throw new UnsupportedOperationException("not written yet"); }
}
