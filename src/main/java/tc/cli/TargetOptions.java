package tc.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --target}: which machine a C source is compiled for. {@code loom} (the default) is the
 * Loom ISA; {@code tc} is the Tensor Computer (32-bit {@code int}, tc.backend.computer).
 */
final class TargetOptions {
    enum Target { LOOM, TC }

    @Option(names = "--target", paramLabel = "loom|tc", defaultValue = "loom", converter = TargetName.class,
            description = "Machine to compile for: loom (default; the Loom ISA) or tc (the Tensor Computer, 32-bit int).")
    Target target;

    @Option(names = "--memory-words", paramLabel = "W",
            description = "--target tc: memory words, a power of two (default 256, grown when globals and stack need more).")
    Integer memoryWords;

    boolean tc() { return target == Target.TC; }

    static final class TargetName implements ITypeConverter<Target> {
        @Override public Target convert(String value) {
            return switch (value) {
                case "loom" -> Target.LOOM;
                case "tc" -> Target.TC;
                default -> throw new TypeConversionException("unknown target '" + value + "': choose loom or tc");
            };
        }
    }
}
