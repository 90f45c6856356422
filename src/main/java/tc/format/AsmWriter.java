package tc.format;

import tc.isa.Program;

/** Program → assembly text (labels, symbolic operands, source-line comments). */
public final class AsmWriter {
    private AsmWriter() {}

    /** STUB: to be written. */
    public static String write(Program program) { throw new UnsupportedOperationException("not written yet"); }
}
