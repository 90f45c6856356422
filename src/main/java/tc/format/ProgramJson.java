package tc.format;

import tc.isa.Program;
import tc.source.SourceFile;

/** The {@code tc compile --format json} program file: memory image, instructions, symbols, source map. */
public final class ProgramJson {
    private ProgramJson() {}

    /** STUB: to be written. */
    public static String write(Program program) { throw new UnsupportedOperationException("not written yet"); }

    /** STUB: to be written. Errors are {@link tc.source.CompileException}s with file:line:col. */
    public static Program read(SourceFile source) { throw new UnsupportedOperationException("not written yet"); }
}
