package tc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tc.source.SourceFile;

/**
 * A bundled demo of the Tensor Computer's seed machine ({@code tc demo NAME --target tc}): a C file
 * under {@code tc/demo/seed/} named in {@code tc/demo/seed/demos.txt}, with its header comments.
 *
 * <ul>
 *   <li>{@code // demo: TEXT} what it shows;</li>
 *   <li>{@code // input: TEXT} console input when {@code --stdin} is not given ({@code \n} is a newline);</li>
 *   <li>{@code // expect: retval = N}, {@code retval = length(input)} (bytes of console input) or
 *       {@code retval = runs} (the disk file demo: 1 on a fresh disk, else one more than the run
 *       number it read back);</li>
 *   <li>{@code // expect: console = TEXT} or {@code console = upper(input)};</li>
 *   <li>{@code // expect: outputs = a, b, …};</li>
 *   <li>{@code // part: LABEL: FROM => TO}: the demo also runs the source with the line FROM
 *       replaced by TO and reports that run's steps under LABEL.</li>
 * </ul>
 */
record SeedDemo(String name, String description, String text, String input, String retval, String console,
                List<Integer> outputs, List<Part> parts) {
    static final String DIR = "/tc/demo/seed/";
    private static final Pattern HEADER = Pattern.compile("^//\\s*(demo|input|expect|part)\\s*:\\s*(.*?)\\s*$");
    private static final Pattern PART = Pattern.compile("(.+?):\\s*(.+?)\\s*=>\\s*(.+)");

    /** A variant of the source whose steps the demo reports. */
    record Part(String label, String from, String to) {}

    SeedDemo {
        parts = List.copyOf(parts);
        outputs = outputs == null ? null : List.copyOf(outputs);
    }

    SourceFile source() { return new SourceFile(name + ".c", text); }

    /** The source of a part: the demo with the part's line replaced. */
    SourceFile source(Part p) {
        if (!text.contains(p.from())) throw new IllegalStateException(name + ".c: the part '" + p.label() + "' names a line that is not there: " + p.from());
        return new SourceFile(name + ".c", text.replace(p.from(), p.to()));
    }

    static List<SeedDemo> all() {
        List<SeedDemo> demos = new ArrayList<>();
        for (String line : resource(DIR + "demos.txt").split("\\R")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            demos.add(parse(line.substring(0, line.length() - 2), resource(DIR + line)));
        }
        return demos;
    }

    static List<String> names() { return all().stream().map(SeedDemo::name).toList(); }

    /** Reads the headers; a malformed one is an {@link IllegalStateException} naming the file and line, a bug of the build. */
    static SeedDemo parse(String name, String text) {
        String description = null, input = null, retval = null, console = null;
        List<Integer> outputs = null;
        List<Part> parts = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = HEADER.matcher(lines[i].strip());
            if (!m.matches()) continue;
            String body = m.group(2);
            String where = name + ".c:" + (i + 1) + ": ";
            switch (m.group(1)) {
                case "demo" -> description = body;
                case "input" -> input = unescape(body);
                case "part" -> {
                    Matcher p = PART.matcher(body);
                    if (!p.matches()) throw new IllegalStateException(where + "a part is 'LABEL: FROM => TO'");
                    parts.add(new Part(p.group(1).strip(), p.group(2), p.group(3)));
                }
                default -> {
                    int eq = body.indexOf('=');
                    if (eq < 0) throw new IllegalStateException(where + "tc demo cannot check '" + body + "'");
                    String key = body.substring(0, eq).strip(), value = body.substring(eq + 1).strip();
                    switch (key) {
                        case "retval" -> {
                            if (!value.equals("length(input)") && !value.equals("runs") && !value.matches("-?\\d+"))
                                throw new IllegalStateException(where + "retval must be a number, length(input) or runs");
                            retval = value;
                        }
                        case "console" -> console = value.equals("upper(input)") ? value : unescape(value);
                        case "outputs" -> outputs = Arrays.stream(value.split("[\\s,]+")).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
                        default -> throw new IllegalStateException(where + "tc demo cannot check '" + body + "'");
                    }
                }
            }
        }
        if (description == null) throw new IllegalStateException(name + ".c: a demo needs a '// demo:' line");
        return new SeedDemo(name, description, text, input, retval, console, outputs, parts);
    }

    /**
     * What contradicts the demo's stated results in a run that read {@code input} and printed
     * {@code consoleText}; empty when the run is right.
     */
    List<String> check(Integer retvalGot, String input, String consoleText, List<Integer> outputsGot) {
        List<String> wrong = new ArrayList<>();
        if (retval != null) {
            Integer want = switch (retval) {
                case "length(input)" -> input.getBytes(StandardCharsets.ISO_8859_1).length;
                case "runs" -> runs(consoleText);
                default -> Integer.parseInt(retval);
            };
            if (want == null) wrong.add("the console does not say which run this is");
            else if (!want.equals(retvalGot)) wrong.add("retval is " + retvalGot + ", expected " + want);
        }
        if (console != null) {
            String want = console.equals("upper(input)") ? upper(input) : console;
            if (!want.equals(consoleText)) wrong.add("the console shows " + quote(consoleText) + ", expected " + quote(want));
        }
        if (outputs != null && !outputs.equals(outputsGot)) wrong.add("outputs are " + outputsGot + ", expected " + outputs);
        return wrong;
    }

    /** The disk file demo's run number: 1 after "no file on the disk yet", K + 1 after "read back: written by run K". */
    static Integer runs(String consoleText) {
        String first = consoleText.lines().findFirst().orElse("");
        if (first.equals("no file on the disk yet")) return 1;
        Matcher m = Pattern.compile("read back: written by run (\\d+)").matcher(first);
        return m.matches() ? Integer.parseInt(m.group(1)) + 1 : null;
    }

    /** ASCII letters upper-cased, every other byte kept: what the filter demo does. */
    static String upper(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) b.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        return b.toString();
    }

    static String quote(String s) {
        String shown = s.length() > 200 ? s.substring(0, 200) + "…" : s;
        return "\"" + shown.replace("\\", "\\\\").replace("\n", "\\n") + "\"";
    }

    private static String unescape(String s) { return s.replace("\\n", "\n"); }

    private static String resource(String path) {
        try (InputStream in = SeedDemo.class.getResourceAsStream(path)) {
            if (in == null) throw new UserError("the demo resource " + path + " is missing from this build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot read the demo resource " + path + ": " + e.getMessage());
        }
    }
}
