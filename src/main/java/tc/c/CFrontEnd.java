package tc.c;

import tc.ir.IrProgram;
import tc.source.SourceFile;

/** The C front end: lexing, parsing, semantic checks and lowering to IR. */
public final class CFrontEnd {
    private CFrontEnd() {}

    /** STUB: to be written. */
    public static IrProgram compile(SourceFile source, int wordBits) {
        throw new UnsupportedOperationException("front end not written yet");
    }
}
