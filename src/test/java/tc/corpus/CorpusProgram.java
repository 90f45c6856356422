package tc.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tc.ir.Word;
import tc.loom.backend.CompileOptions;
import tc.loom.engine.Fault;
import tc.loom.isa.MachineConfig;
import tc.source.SourceFile;
import tc.source.SourcePos;

/**
 * A golden-corpus C program with the expectations stated in its comments.
 *
 * <p>Recognised comment lines (anywhere on a line, after {@code //}):
 * <ul>
 *   <li>{@code // expect: retval V}, {@code // expect: NAME = V}, {@code // expect: NAME = {V, V, ...}},
 *       {@code // expect: output V V ...} (repeated lines append), {@code // expect: fault KIND}
 *       with KIND a {@link Fault.Kind} in lower case with hyphens ({@code stack-overflow});</li>
 *   <li>{@code // expect error: L:C SUBSTRING} or {@code // expect error: SUBSTRING};</li>
 *   <li>{@code // word-bits: 16} and {@code // config: NAME-or-s,m,n,N} headers;</li>
 *   <li>{@code // expect-32: ...} and {@code // expect-32 error: ...}: the expectations when
 *       {@code int} is 32 bits (the Tensor Computer target, {@link #parse32}). A file with any
 *       {@code expect-32} line is judged at 32 bits by those lines alone; a file without any is
 *       judged at 32 bits by its ordinary {@code expect} lines, which then must hold at both widths.</li>
 * </ul>
 * A malformed directive is an {@link IllegalArgumentException} naming the file and line, so a typo
 * can never silently drop an expectation.
 *
 * @param path         path relative to the corpus root, with '/' separators (the diagnostics' file name)
 * @param text         the source
 * @param wordBits     N
 * @param config       the configuration named by the header, at N bits, or null to let the compiler choose
 * @param expectations in source order, with all output lines merged into one {@link Expectation.Output}
 */
public record CorpusProgram(String path, String text, int wordBits, MachineConfig config, List<Expectation> expectations) {

    private static final Pattern DIRECTIVE = Pattern.compile("//\\s*(expect-32 error|expect-32|expect error|expect|word-bits|config)\\s*:(.*)$");
    private static final Pattern SCALAR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(-?\\d+)");
    private static final Pattern ARRAY = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*\\{([^}]*)}");
    private static final Pattern ERROR_AT = Pattern.compile("(\\d+):(\\d+)\\s+(\\S.*)");

    public CorpusProgram {
        expectations = List.copyOf(expectations);
    }

    public SourceFile source() { return new SourceFile(path, text); }

    public CompileOptions options() { return config == null ? new CompileOptions(null, wordBits) : new CompileOptions(config, wordBits); }

    /** The compile error this program expects, or null when it expects to compile. */
    public Expectation.CompileError expectedError() {
        for (Expectation e : expectations) if (e instanceof Expectation.CompileError c) return c;
        return null;
    }

    /** The fault this program's run must end with, or null when it must halt. */
    public Fault.Kind expectedFault() {
        for (Expectation e : expectations) if (e instanceof Expectation.FaultKind f) return f.kind();
        return null;
    }

    /** Parses the directives of {@code text}; {@code path} only names the file in messages. */
    public static CorpusProgram parse(String path, String text) { return parse(path, text, false); }

    /**
     * Parses the expectations that hold when {@code int} is 32 bits: the {@code expect-32} lines
     * if the file has any, else the ordinary ones. Width and config headers are ignored.
     */
    public static CorpusProgram parse32(String path, String text) { return parse(path, text, true); }

    private static CorpusProgram parse(String path, String text, boolean at32) {
        boolean own32 = at32 && text.lines().anyMatch(l -> { Matcher m = DIRECTIVE.matcher(l); return m.find() && m.group(1).startsWith("expect-32"); });
        String expectKey = own32 ? "expect-32" : "expect", errorKey = own32 ? "expect-32 error" : "expect error";
        int wordBits = 8;
        String configText = null;
        List<Expectation> list = new ArrayList<>();
        List<Integer> outputs = null;
        int outputSlot = -1;
        String[] lines = text.split("\r?\n", -1);
        // Headers first: the word width decides which expected values are in range.
        for (int i = 0; i < lines.length; i++) {
            Matcher m = DIRECTIVE.matcher(lines[i]);
            if (!m.find()) continue;
            String body = m.group(2).trim();
            switch (m.group(1)) {
                case "word-bits" -> {
                    if (!body.equals("8") && !body.equals("16")) throw bad(path, i, "word-bits must be 8 or 16, got '" + body + "'");
                    wordBits = Integer.parseInt(body);
                }
                case "config" -> configText = body;
                default -> { }
            }
        }
        if (at32) {
            wordBits = 32;
            configText = null;
        }
        for (int i = 0; i < lines.length; i++) {
            Matcher m = DIRECTIVE.matcher(lines[i]);
            if (!m.find()) continue;
            String body = m.group(2).trim();
            String key = m.group(1);
            if (key.equals(errorKey)) list.add(parseError(path, i, body));
            else if (key.equals(expectKey)) {
                if (body.equals("output") || body.startsWith("output ")) {
                    if (outputs == null) {
                        outputs = new ArrayList<>();
                        outputSlot = list.size();
                        list.add(null); // placeholder, filled once every output line is read
                    }
                    outputs.addAll(numbers(path, i, body.substring("output".length()), wordBits));
                } else {
                    list.add(parseExpect(path, i, body, wordBits));
                }
            }
        }
        if (outputs != null) list.set(outputSlot, new Expectation.Output(outputs));
        MachineConfig config = null;
        if (configText != null) {
            try {
                config = MachineConfig.parse(configText);
                if (config.wordBits() != wordBits) config = config.withWordBits(wordBits);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + ": bad config header: " + e.getMessage(), e);
            }
        }
        checkConsistent(path, list);
        return new CorpusProgram(path, text, wordBits, config, list);
    }

    private static void checkConsistent(String path, List<Expectation> list) {
        long errors = list.stream().filter(e -> e instanceof Expectation.CompileError).count();
        long retvals = list.stream().filter(e -> e instanceof Expectation.Retval).count();
        long faults = list.stream().filter(e -> e instanceof Expectation.FaultKind).count();
        if (errors > 1) throw new IllegalArgumentException(path + ": more than one 'expect error'");
        if (errors == 1 && list.size() > 1)
            throw new IllegalArgumentException(path + ": a program expecting a compile error cannot expect run results");
        if (retvals > 1) throw new IllegalArgumentException(path + ": more than one 'expect: retval'");
        if (faults > 1) throw new IllegalArgumentException(path + ": more than one 'expect: fault'");
        if (faults == 1 && (retvals > 0 || list.stream().anyMatch(e -> e instanceof Expectation.Scalar || e instanceof Expectation.Array)))
            throw new IllegalArgumentException(path + ": a faulting run has no final state to check; expect only output with a fault");
    }

    private static Expectation parseExpect(String path, int line, String body, int bits) {
        if (body.startsWith("retval")) {
            List<Integer> v = numbers(path, line, body.substring("retval".length()), bits);
            if (v.size() != 1) throw bad(path, line, "retval takes one value");
            return new Expectation.Retval(v.get(0));
        }
        if (body.startsWith("fault")) {
            String kind = body.substring("fault".length()).trim().toUpperCase().replace('-', '_');
            try {
                return new Expectation.FaultKind(Fault.Kind.valueOf(kind));
            } catch (IllegalArgumentException e) {
                throw bad(path, line, "unknown fault kind '" + body.substring(5).trim() + "'");
            }
        }
        Matcher a = ARRAY.matcher(body);
        if (a.matches()) {
            List<Integer> values = numbers(path, line, a.group(2), bits);
            if (values.isEmpty()) throw bad(path, line, "an array expectation needs at least one element");
            return new Expectation.Array(a.group(1), values);
        }
        Matcher s = SCALAR.matcher(body);
        if (s.matches()) return new Expectation.Scalar(s.group(1), value(path, line, s.group(2), bits));
        throw bad(path, line, "cannot read expectation '" + body + "'");
    }

    private static Expectation parseError(String path, int line, String body) {
        Matcher m = ERROR_AT.matcher(body);
        if (m.matches()) {
            SourcePos pos = new SourcePos(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            if (pos.line() < 1 || pos.column() < 1) throw bad(path, line, "positions are 1-based");
            return new Expectation.CompileError(pos, m.group(3).trim());
        }
        if (body.isEmpty() || Character.isDigit(body.charAt(0)))
            throw bad(path, line, "expect error needs 'L:C substring' or a substring");
        return new Expectation.CompileError(null, body);
    }

    private static List<Integer> numbers(String path, int line, String text, int bits) {
        List<Integer> out = new ArrayList<>();
        for (String t : text.trim().split("[\\s,]+")) if (!t.isEmpty()) out.add(value(path, line, t, bits));
        return out;
    }

    private static int value(String path, int line, String token, int bits) {
        long v;
        try {
            v = Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw bad(path, line, "'" + token + "' is not a decimal integer");
        }
        if (!Word.fits(v, bits)) throw bad(path, line, v + " does not fit a " + bits + "-bit word");
        return (int) v;
    }

    private static IllegalArgumentException bad(String path, int zeroBasedLine, String message) {
        return new IllegalArgumentException(path + ":" + (zeroBasedLine + 1) + ": " + message);
    }
}
