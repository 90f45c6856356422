package tc.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The instruction set a command reads or writes: Loom's ISA or the Tensor Computer's ({@code --target}). */
enum IsaTarget {
    LOOM("loom"), TC("tc");

    final String flag;

    IsaTarget(String flag) { this.flag = flag; }

    @Override public String toString() { return flag; }

    static IsaTarget parse(String text) {
        for (IsaTarget t : values()) if (t.flag.equals(text.toLowerCase(Locale.ROOT))) return t;
        throw new TypeConversionException("unknown target '" + text + "': choose one of "
                + Arrays.stream(values()).map(t -> t.flag).collect(Collectors.joining(", ")));
    }

    static final class Converter implements ITypeConverter<IsaTarget> {
        @Override public IsaTarget convert(String value) { return parse(value); }
    }

    static final class Names implements Iterable<String> {
        @Override public Iterator<String> iterator() { return Arrays.stream(values()).map(t -> t.flag).iterator(); }
    }
}
