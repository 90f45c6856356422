package tc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tc.loom.backend.CompileOptions;
import tc.loom.isa.MachineConfig;
import tc.source.SourceFile;

/**
 * A bundled demo program of {@code tc demo NAME}: a C file under {@code tc/demo/} named in
 * {@code tc/demo/demos.txt}, with its header comments read (docs/formats.md, "Demo headers").
 *
 * @param name        the file name without {@code .c}
 * @param description the {@code // demo:} line
 * @param text        the source
 * @param options     word width and configuration from {@code // word-bits:} and {@code // config:}
 * @param steps       the {@code // steps:} line: the interpreter's step count at that configuration
 * @param views       the {@code // show:} lines, in order
 * @param outputs     the {@code // expect: output} lines merged, or null when none is stated
 * @param retval      the {@code // expect: retval} value, or null
 * @param arrays      the {@code // expect: NAME = {…}} and {@code // expect: NAME = V} lines
 */
record Demo(String name, String description, String text, CompileOptions options, long steps,
            List<DemoView> views, List<Integer> outputs, Integer retval, List<Expected> arrays) {
    static final String INDEX = "/tc/demo/demos.txt";
    private static final Pattern HEADER = Pattern.compile("^//\\s*(demo|steps|show|word-bits|config|expect)\\s*:\\s*(.*?)\\s*$");
    private static final Pattern VARIABLE = Pattern.compile("([A-Za-z_]\\w*)\\s*=\\s*(\\{([^}]*)}|-?\\d+)");

    /** A stated final value of a global: one cell or an array. */
    record Expected(String name, List<Integer> values) {}

    Demo {
        views = List.copyOf(views);
        arrays = List.copyOf(arrays);
    }

    SourceFile source() { return new SourceFile(name + ".c", text); }

    /** Every bundled demo, in the index's order. */
    static List<Demo> all() {
        List<Demo> demos = new ArrayList<>();
        for (String line : resource(INDEX).split("\\R")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            demos.add(parse(line.substring(0, line.length() - 2), resource("/tc/demo/" + line)));
        }
        return demos;
    }

    /** The names of {@link #all()}. */
    static List<String> names() { return all().stream().map(Demo::name).toList(); }

    /** Reads the headers of {@code text}; a malformed one is an {@link IllegalStateException} naming the file and line, a bug of the build. */
    static Demo parse(String name, String text) {
        String description = null;
        Long steps = null;
        int wordBits = 8;
        String config = null;
        List<DemoView> views = new ArrayList<>();
        List<Integer> outputs = null;
        Integer retval = null;
        List<Expected> arrays = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = HEADER.matcher(lines[i].strip());
            if (!m.matches()) continue;
            String body = m.group(2);
            String where = name + ".c:" + (i + 1) + ": ";
            try {
                switch (m.group(1)) {
                    case "demo" -> description = body;
                    case "steps" -> steps = Long.parseLong(body);
                    case "show" -> views.add(DemoView.parse(body));
                    case "word-bits" -> wordBits = Integer.parseInt(body);
                    case "config" -> config = body;
                    default -> {
                        if (body.startsWith("output")) {
                            if (outputs == null) outputs = new ArrayList<>();
                            outputs.addAll(numbers(body.substring("output".length())));
                        } else if (body.startsWith("retval")) {
                            retval = Integer.parseInt(body.substring("retval".length()).trim());
                        } else {
                            Matcher v = VARIABLE.matcher(body);
                            if (!v.matches()) throw new IllegalArgumentException("tc demo cannot check '" + body + "'");
                            arrays.add(new Expected(v.group(1), v.group(3) != null ? numbers(v.group(3)) : List.of(Integer.parseInt(v.group(2)))));
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + e.getMessage(), e);
            }
        }
        if (description == null || steps == null || views.isEmpty())
            throw new IllegalStateException(name + ".c: a demo needs '// demo:', '// steps:' and '// show:' lines");
        MachineConfig machine = config == null ? null : MachineConfig.parse(config).withWordBits(wordBits);
        return new Demo(name, description, text, new CompileOptions(machine, wordBits), steps, views, outputs, retval, arrays);
    }

    private static List<Integer> numbers(String text) {
        return Arrays.stream(text.trim().split("[\\s,]+")).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
    }

    private static String resource(String path) {
        try (InputStream in = Demo.class.getResourceAsStream(path)) {
            if (in == null) throw new UserError("the demo resource " + path + " is missing from this build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot read the demo resource " + path + ": " + e.getMessage());
        }
    }
}
