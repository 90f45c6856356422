package tc.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import tc.computer.backend.TcBackend;

/**
 * {@code --target}: which machine a C source is compiled for. {@code loom} (the default) is the
 * Loom ISA; {@code tc} is the Tensor Computer (32-bit {@code int}, tc.backend.computer).
 */
final class TargetOptions {
    @Option(names = "--target", paramLabel = "loom|tc", defaultValue = "loom", converter = IsaTarget.Converter.class,
            description = "Machine to compile for: loom (default; the Loom ISA) or tc (the Tensor Computer, 32-bit int).")
    IsaTarget target;

    @Option(names = "--memory-words", paramLabel = "W", converter = MemoryWords.class,
            description = "--target tc: memory words, a power of two (default 16384, grown when globals and stack need more).")
    Integer memoryWords;

    /** Null when not given: cpu. */
    @Option(names = "--machine", paramLabel = "cpu|seed", converter = MachineName.class,
            description = "--target tc: cpu (default; flat memory, no devices) or seed (cache, TLB, page tables, disk, GPU, "
                    + "framebuffer and console; the device builtins need it).")
    TcBackend.Machine machine;

    boolean tc() { return target == IsaTarget.TC; }

    /** The Tensor Computer machine asked for (cpu unless --machine seed). */
    TcBackend.Machine tcMachine() { return machine == null ? TcBackend.Machine.CPU : machine; }

    static final class MachineName implements ITypeConverter<TcBackend.Machine> {
        @Override public TcBackend.Machine convert(String value) {
            for (TcBackend.Machine m : TcBackend.Machine.values()) if (m.cliName().equals(value.trim())) return m;
            throw new TypeConversionException("must be cpu or seed, got '" + value + "'");
        }
    }

    /** Rejects a bad --memory-words while parsing, so it is a usage error (exit 2) like every bad option value. */
    static final class MemoryWords implements ITypeConverter<Integer> {
        @Override public Integer convert(String value) {
            int words;
            try {
                words = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                words = -1;
            }
            if (Integer.bitCount(words) != 1 || words < 2 || words > (1 << 20))
                throw new TypeConversionException("must be a power of two in 2..2^20 (1048576), got '" + value + "'");
            return words;
        }
    }
}
