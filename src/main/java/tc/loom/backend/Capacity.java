package tc.loom.backend;

import tc.loom.isa.MachineConfig;
import tc.source.SourceFile;
import tc.source.SourcePos;

/** The "program does not fit this machine" errors, as {@link CapacityException}s. */
final class Capacity {
    private Capacity() {}

    /** A recursive program needs room for at least this many frames of its deepest call. */
    static final int MINIMUM_FRAMES = 2;

    static CapacityException tooMuchCode(SourceFile file, SourcePos pos, int needed, MachineConfig config) {
        return new CapacityException(file, pos, "program needs " + needed + " instructions but configuration "
                + config.name() + " has " + config.instructionSlots() + " slots",
                CapacityException.Resource.INSTRUCTIONS, needed, config.instructionSlots(), config);
    }

    static CapacityException tooMuchData(SourceFile file, SourcePos pos, int needed, MachineConfig config, boolean stack) {
        return new CapacityException(file, pos, "data needs " + needed + " memory cells but configuration "
                + config.name() + " has m = " + config.m()
                + (stack ? " (including " + MINIMUM_FRAMES + " frames of call stack for the recursion)" : ""),
                CapacityException.Resource.MEMORY_CELLS, needed, config.m(), config);
    }
}
