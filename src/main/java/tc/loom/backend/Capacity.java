package tc.loom.backend;

import java.util.regex.Pattern;
import tc.loom.isa.MachineConfig;
import tc.source.CompileException;
import tc.source.SourceFile;
import tc.source.SourcePos;

/**
 * "The program does not fit this machine" errors. They are ordinary compile errors for the user,
 * but {@link tc.loom.backend.Compiler} recognises them (by their wording, which no other error uses) to
 * try the next, larger configuration.
 */
final class Capacity {
    private Capacity() {}

    /** A recursive program needs room for at least this many frames of its deepest call. */
    static final int MINIMUM_FRAMES = 2;

    private static final Pattern MESSAGE = Pattern.compile(
            "(program needs \\d+ instructions but configuration \\S+ has \\d+ slots"
                    + "|data needs \\d+ memory cells but configuration \\S+ has m = \\d+)");

    static CompileException tooMuchCode(SourceFile file, SourcePos pos, int needed, MachineConfig config) {
        return new CompileException(file, pos, "program needs " + needed + " instructions but configuration "
                + config.name() + " has " + config.instructionSlots() + " slots");
    }

    static CompileException tooMuchData(SourceFile file, SourcePos pos, int needed, MachineConfig config, boolean stack) {
        return new CompileException(file, pos, "data needs " + needed + " memory cells but configuration "
                + config.name() + " has m = " + config.m()
                + (stack ? " (including " + MINIMUM_FRAMES + " frames of call stack for the recursion)" : ""));
    }

    static boolean isCapacityError(CompileException e) {
        return e.diagnostic() != null && MESSAGE.matcher(e.diagnostic().message()).lookingAt();
    }
}
