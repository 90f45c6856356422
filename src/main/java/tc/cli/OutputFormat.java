package tc.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** What {@code tc compile} and {@code tc asm} write. */
enum OutputFormat {
    ASM("asm"), JSON("json"), LOOM_STATE("loom-state"), IR("ir");

    final String flag;

    OutputFormat(String flag) { this.flag = flag; }

    @Override public String toString() { return flag; }

    static OutputFormat parse(String text) {
        for (OutputFormat f : values()) if (f.flag.equals(text.toLowerCase(Locale.ROOT))) return f;
        throw new TypeConversionException("unknown format '" + text + "': choose one of "
                + Arrays.stream(values()).map(f -> f.flag).collect(Collectors.joining(", ")));
    }

    /** picocli converter accepting the flag spelling (loom-state, not LOOM_STATE). */
    static final class Converter implements ITypeConverter<OutputFormat> {
        @Override public OutputFormat convert(String value) { return parse(value); }
    }

    /** Completion candidates for the flag spellings. */
    static final class Names implements Iterable<String> {
        @Override public Iterator<String> iterator() {
            return Arrays.stream(values()).map(f -> f.flag).iterator();
        }
    }
}
