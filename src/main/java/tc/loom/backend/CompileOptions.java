package tc.loom.backend;

import tc.loom.isa.MachineConfig;

/**
 * @param config   the machine to compile for, or null to take the first named configuration
 *                 (146x512, 155x1024, 164x2048, at {@code wordBits}) the program fits
 * @param wordBits N, the width of {@code int}: 8 or 16
 */
public record CompileOptions(MachineConfig config, int wordBits) {
    public CompileOptions {
        if (wordBits != 8 && wordBits != 16) throw new IllegalArgumentException("word bits must be 8 or 16, got " + wordBits);
        if (config != null && config.wordBits() != wordBits)
            throw new IllegalArgumentException("configuration " + config.name() + " has " + config.wordBits()
                    + "-bit words but --word-bits is " + wordBits);
    }

    public static CompileOptions defaults() { return new CompileOptions(null, 8); }

    public static CompileOptions of(MachineConfig config) { return new CompileOptions(config, config.wordBits()); }
}
