package tc.difftest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs gcc translations of programs and reports what each printed: many programs share one C file,
 * one gcc invocation and one process, because starting gcc per program would dominate the test.
 */
public final class GccOracle {
    /** One program of a batch: {@code code} defines {@code <prefix>main} returning main's value. */
    public record Unit(String prefix, String code) {}

    /** What one program did: its {@code output(x)} values in order and main's return value. */
    public record Result(List<Integer> outputs, int retval) {
        public Result { outputs = List.copyOf(outputs); }
    }

    /**
     * The exact N-bit operations for both widths, as {@link tc.ir.Word} defines them. Operands are
     * already in range; arithmetic happens in int and is cast back (gcc converts modulo 2^N).
     */
    static final String PRELUDE = """
            #include <stdio.h>
            #include <stdint.h>
            #include <stdlib.h>
            #include <string.h>
            static void tc_output(int v) { printf("O %d\\n", v); }
            """ + helpers(8) + helpers(16);

    private static String helpers(int n) {
        String t = "int" + n + "_t", u = "uint" + n + "_t", p = "tc" + n + "_";
        int min = -(1 << (n - 1));
        return ("""
                static int P_div(int a, int b) { if (b == 0) return -1; if (a == MIN && b == -1) return MIN; return (T)(a / b); }
                static int P_mod(int a, int b) { if (b == 0) return a; if (b == -1) return 0; return (T)(a % b); }
                static int P_shl(int a, int b) { unsigned k = (U)b; if (k >= N) return 0; return (T)(uint32_t)((uint32_t)a << k); }
                static int P_shr(int a, int b) { unsigned k = (U)b; if (k >= N) return a < 0 ? -1 : 0; return (T)(a >> k); }
                static int P_abs(int a) { return (T)(a < 0 ? -a : a); }
                static int P_min(int a, int b) { return a < b ? a : b; }
                static int P_max(int a, int b) { return a > b ? a : b; }
                static int P_mul(int a, int b) { return (T)(a * b); }
                """).replace("P_", p).replace("MIN", "(" + min + ")").replace("(T)", "(" + t + ")")
                .replace("(U)", "(" + u + ")").replace("N)", n + ")");
    }

    private final Path gcc;
    private final long timeoutSeconds;

    private GccOracle(Path gcc, long timeoutSeconds) {
        this.gcc = gcc;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** The oracle using the gcc on PATH; fails clearly when there is none. */
    public static GccOracle find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "gcc");
            if (Files.isExecutable(p)) return new GccOracle(p, 60);
        }
        throw new IllegalStateException("gcc not found: the differential tests need it (apt-get install gcc)");
    }

    /** The whole batch as one C file: the prelude, every unit, and a main that runs them all in order. */
    static String batchSource(List<Unit> units) {
        StringBuilder c = new StringBuilder(PRELUDE);
        for (Unit u : units) c.append("\n/* ---- ").append(u.prefix()).append(" ---- */\n").append(u.code());
        c.append("\nint main(void) {\n");
        for (int i = 0; i < units.size(); i++)
            c.append("    printf(\"P ").append(i).append("\\n\"); printf(\"R %d\\n\", (int) ")
                    .append(units.get(i).prefix()).append("main());\n");
        c.append("    printf(\"END\\n\");\n    return 0;\n}\n");
        return c.toString();
    }

    /** Compiles and runs the batch; result i belongs to unit i. */
    public List<Result> run(List<Unit> units) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tc-gcc-");
            Path source = dir.resolve("batch.c"), binary = dir.resolve("batch");
            Files.writeString(source, batchSource(units));
            Exec compiled = exec(dir, List.of(gcc.toString(), "-O0", "-fwrapv", "-w", "-o", binary.toString(), source.toString()));
            if (compiled.status != 0)
                throw new IllegalStateException("gcc rejected the batch (a generator bug):\n" + tail(compiled.output));
            Exec ran = exec(dir, List.of(binary.toString()));
            List<Result> results = parse(ran.output);
            if (ran.status != 0 || results.size() != units.size())
                throw new IllegalStateException("the gcc batch exited with status " + ran.status + " after "
                        + results.size() + " of " + units.size() + " programs:\n" + tail(ran.output));
            return results;
        } catch (IOException e) {
            throw new IllegalStateException("could not run gcc: " + e.getMessage(), e);
        } finally {
            if (dir != null) deleteQuietly(dir);
        }
    }

    /** Parses "P i" / "O v" / "R v" lines; stops at the first incomplete program. */
    static List<Result> parse(String output) {
        List<Result> results = new ArrayList<>();
        List<Integer> outputs = null;
        for (String line : output.split("\n")) {
            if (line.startsWith("P ")) {
                if (Integer.parseInt(line.substring(2).trim()) != results.size())
                    throw new IllegalStateException("gcc batch output out of order at: " + line);
                outputs = new ArrayList<>();
            } else if (line.startsWith("O ") && outputs != null) {
                outputs.add(Integer.parseInt(line.substring(2).trim()));
            } else if (line.startsWith("R ") && outputs != null) {
                results.add(new Result(outputs, Integer.parseInt(line.substring(2).trim())));
                outputs = null;
            }
        }
        return results;
    }

    private record Exec(int status, String output) {}

    private Exec exec(Path dir, List<String> command) throws IOException {
        Path log = dir.resolve("out-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " timed out after " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0));
        }
        return new Exec(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static String tail(String s) { return s.length() <= 4000 ? s : "…" + s.substring(s.length() - 4000); }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp directory is harmless.
        }
    }
}
