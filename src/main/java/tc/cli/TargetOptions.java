package tc.cli;

import picocli.CommandLine.Option;

/**
 * {@code --target}: which machine a C source is compiled for. {@code loom} (the default) is the
 * Loom ISA; {@code tc} is the Tensor Computer (32-bit {@code int}, tc.backend.computer).
 */
final class TargetOptions {
    @Option(names = "--target", paramLabel = "loom|tc", defaultValue = "loom", converter = IsaTarget.Converter.class,
            description = "Machine to compile for: loom (default; the Loom ISA) or tc (the Tensor Computer, 32-bit int).")
    IsaTarget target;

    @Option(names = "--memory-words", paramLabel = "W",
            description = "--target tc: memory words, a power of two (default 16384, grown when globals and stack need more).")
    Integer memoryWords;

    boolean tc() { return target == IsaTarget.TC; }
}
