package tc.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import tc.loom.backend.CompileOptions;
import tc.loom.isa.MachineConfig;

/** {@code --config} and {@code --word-bits}: which machine a C source is compiled for. */
final class MachineOptions {
    @Option(names = "--config", paramLabel = "NAME|s,m,n,N", converter = ConfigText.class,
            description = "Machine shape: 146x512, 155x1024, 164x2048 or a custom s,m,n,N "
                    + "(default: the first named one the program fits).")
    String config;

    @Option(names = "--word-bits", paramLabel = "8|16", converter = WordBits.class,
            description = "Width of int in bits: 8 (default) or 16.")
    Integer wordBits;

    boolean given() { return config != null || wordBits != null; }

    /**
     * The compile options these flags describe. A named shape takes the --word-bits width (names
     * denote 8-bit machines); a custom s,m,n,N list must agree with --word-bits.
     *
     * @throws UsageError when a custom list's N and --word-bits differ
     */
    CompileOptions toCompileOptions() {
        int bits = wordBits != null ? wordBits : 8;
        if (config == null) return new CompileOptions(null, bits);
        MachineConfig parsed = MachineConfig.parse(config);
        boolean named = MachineConfig.NAMED.containsKey(config.trim());
        if (named) return new CompileOptions(parsed.withWordBits(bits), bits);
        // Named by the text as typed: the parsed shape may equal a named one (32,224,2048,8 is
        // 164x2048), and a message naming a shape the user never wrote would mislead.
        if (wordBits != null && wordBits != parsed.wordBits())
            throw new UsageError("--config " + config.trim() + " has N = " + parsed.wordBits() + " (" + parsed.wordBits()
                    + "-bit words) but --word-bits is " + wordBits + ": give N = " + wordBits + " in the list or leave out --word-bits");
        return new CompileOptions(parsed, parsed.wordBits());
    }

    /** Rejects a malformed --config while parsing, so it is a usage error (exit 2). */
    static final class ConfigText implements ITypeConverter<String> {
        @Override public String convert(String value) {
            try {
                MachineConfig.parse(value);
                return value;
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class WordBits implements ITypeConverter<Integer> {
        @Override public Integer convert(String value) {
            if (value.equals("8") || value.equals("16")) return Integer.valueOf(value);
            throw new TypeConversionException("word bits must be 8 or 16, got '" + value + "'");
        }
    }
}
