package tc.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tc.loom.backend.CompileOptions;
import tc.loom.backend.Compiler;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;
import tc.source.SourceFile;

/**
 * A C program bundled with {@code tc bench} (under {@code src/main/resources/tc/bench/}).
 *
 * <p>The programs are chosen to stay inside loom-v1's correct band (no pointer at or past cell 32,
 * no FIND) at every configuration, so the transformer engines on both profiles compute the same
 * thing as the interpreter and the timings compare like with like.
 *
 * @param name           short name used in tables and by {@code --programs}
 * @param source         the C source
 * @param expectedRetval main's return value, as stated by the source's {@code // expect: retval = v}
 */
public record BenchProgram(String name, SourceFile source, int expectedRetval) {
    /** The bundled programs, in table order. */
    public static final List<String> NAMES = List.of("loop", "recursion", "sort");

    private static final Pattern EXPECT = Pattern.compile("//\\s*expect:\\s*retval\\s*=\\s*(-?\\d+)");

    /**
     * Compiles the program for {@code config}. Every bundled program fits each of the paper's
     * three configurations, the smallest (146×512, m = 160) included.
     */
    public Program compile(MachineConfig config) { return Compiler.compile(source, CompileOptions.of(config)); }

    /** Every bundled program. */
    public static List<BenchProgram> bundled() {
        List<BenchProgram> all = new ArrayList<>();
        for (String name : NAMES) all.add(load(name));
        return List.copyOf(all);
    }

    /** The bundled program called {@code name}; IllegalArgumentException naming the choices if none is. */
    public static BenchProgram named(String name) {
        if (!NAMES.contains(name))
            throw new IllegalArgumentException("unknown bench program '" + name + "': choose one of " + String.join(", ", NAMES));
        return load(name);
    }

    private static BenchProgram load(String name) {
        String resource = "/tc/bench/" + name + ".c";
        try (InputStream in = BenchProgram.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("the bench program " + resource + " is missing from this build");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = EXPECT.matcher(text);
            if (!m.find()) throw new IllegalStateException(resource + " must state '// expect: retval = v'");
            return new BenchProgram(name, new SourceFile(name + ".c", text), Integer.parseInt(m.group(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
