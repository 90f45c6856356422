package tc.loom.backend;

import tc.loom.isa.MachineConfig;
import tc.source.CompileException;
import tc.source.SourceFile;
import tc.source.SourcePos;

/**
 * The program does not fit the configuration: an ordinary compile error for the user, and the one
 * error on which {@link Compiler} tries the next, larger named configuration.
 */
public final class CapacityException extends CompileException {
    /** What ran out. */
    public enum Resource {
        /** Instruction slots, n − s − m. */
        INSTRUCTIONS,
        /** Memory cells, m: variables, constants and (for a recursive program) the call stack. */
        MEMORY_CELLS
    }

    private final Resource resource;
    private final int needed, available;
    private final transient MachineConfig config;

    CapacityException(SourceFile file, SourcePos pos, String message, Resource resource, int needed, int available, MachineConfig config) {
        super(file, pos, message);
        this.resource = resource;
        this.needed = needed;
        this.available = available;
        this.config = config;
    }

    /** What ran out. */
    public Resource resource() { return resource; }

    /** How many instructions or cells the program needs. */
    public int needed() { return needed; }

    /** How many the configuration has. */
    public int available() { return available; }

    /** The configuration the program did not fit. */
    public MachineConfig config() { return config; }
}
