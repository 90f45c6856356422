package tc.format;

import tc.isa.Program;
import tc.source.SourceFile;

/** Loom-compatible {@code <name>_state.json} and {@code <name>_info.json} (formats in ../shared/loom-ref). */
public final class LoomState {
    private LoomState() {}

    /** STUB: the full initial state matrix as {@code {"state": [[...]]}}. */
    public static String writeState(Program program) { throw new UnsupportedOperationException("not written yet"); }

    /** STUB: the info file; {@code sourceText} may be null. */
    public static String writeInfo(Program program, String name, String sourceText) { throw new UnsupportedOperationException("not written yet"); }

    /** STUB: decodes a state file (and its info file, which may be null) back into a program. */
    public static Program read(SourceFile state, SourceFile info) { throw new UnsupportedOperationException("not written yet"); }
}
