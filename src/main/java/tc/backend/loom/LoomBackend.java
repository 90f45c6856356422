package tc.backend.loom;

import tc.ir.IrProgram;
import tc.isa.MachineConfig;
import tc.isa.Program;
import tc.source.CompileException;

/** IR → Loom ISA program. */
public final class LoomBackend {
    private LoomBackend() {}

    /** STUB: to be written. */
    public static Program compile(IrProgram ir, MachineConfig config) {
        throw new UnsupportedOperationException("back end not written yet");
    }

    /** True when {@code e} says the program does not fit the configuration (too much code or data). */
    public static boolean isCapacityError(CompileException e) {
        return false;
    }
}
