package tc.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tc.loom.isa.MachineConfig;

/**
 * The demos the Demos page offers: those of {@code tc demo} (tc/demo/demos.txt) and the page's
 * own variants under tc/web/demos/ (a Sudoku with fewer blanks, Snake played one move a run). A
 * demo's header (docs/formats.md, "Demo headers") says its configuration and how to draw it; each
 * is compiled once per server.
 */
final class DemoCatalog {
    private static final Pattern HEADER = Pattern.compile("^//\\s*(demo|steps|show|word-bits|config)\\s*:\\s*(.*?)\\s*$");
    private static final Pattern SHOW = Pattern.compile(
            "(numbers|chars)\\s+(\\d+)x(\\d+)\\s+from\\s+([A-Za-z_]\\w*)(?:\\s+as\\s+\"([^\"]*)\")?(?:\\s+titled\\s+(\\S+))?");
    /** The page's own variants, after the index's demos. */
    private static final List<String> WEB_DEMOS = List.of("sudoku-easy", "snake-play");

    /** How to draw a demo: frames of width×height values from the outputs or a global array, as numbers or characters. */
    record View(int width, int height, String source, String chars, List<String> titles) {}

    /** One demo: its source and header. */
    record Demo(String name, String description, String text, MachineConfig config, int wordBits, long steps, List<View> views) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("description", description);
            m.put("steps", steps);
            m.put("config", config == null ? null : config.name());
            return m;
        }
    }

    private final Map<String, Demo> demos = new LinkedHashMap<>();
    private final Map<String, CompiledProgram> compiled = new ConcurrentHashMap<>();

    DemoCatalog() {
        for (String line : resource("/tc/demo/demos.txt").split("\\R")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String name = line.substring(0, line.length() - 2);
            demos.put(name, parse(name, resource("/tc/demo/" + line)));
        }
        for (String name : WEB_DEMOS) demos.put(name, parse(name, resource("/tc/web/demos/" + name + ".c")));
    }

    List<Demo> all() { return List.copyOf(demos.values()); }

    /** The demo {@code name}; a 404 {@link WebError} naming the choices otherwise. */
    Demo get(String name) {
        Demo d = name == null ? null : demos.get(name);
        if (d == null) throw new WebError(404, "unknown demo '" + name + "': choose one of " + String.join(", ", demos.keySet()));
        return d;
    }

    /** The demo compiled (once). */
    CompiledProgram compiled(Demo d) {
        return compiled.computeIfAbsent(d.name(), n -> CompiledProgram.compile(n + ".c", d.text(), CompiledProgram.options(d.config(), d.wordBits())));
    }

    private static Demo parse(String name, String text) {
        String description = name, config = null;
        long steps = 0;
        int wordBits = 8;
        List<View> views = new ArrayList<>();
        for (String line : text.split("\\R")) {
            Matcher m = HEADER.matcher(line.strip());
            if (!m.matches()) continue;
            String body = m.group(2);
            switch (m.group(1)) {
                case "demo" -> description = body;
                case "steps" -> steps = Long.parseLong(body);
                case "word-bits" -> wordBits = Integer.parseInt(body);
                case "config" -> config = body;
                default -> {
                    Matcher v = SHOW.matcher(body);
                    if (!v.matches()) throw new IllegalStateException(name + ".c: cannot read show directive '" + body + "'");
                    views.add(new View(Integer.parseInt(v.group(2)), Integer.parseInt(v.group(3)), v.group(4), v.group(5),
                            v.group(6) == null ? List.of() : List.of(v.group(6).split(","))));
                }
            }
        }
        MachineConfig machine = config == null ? null : MachineConfig.parse(config).withWordBits(wordBits);
        return new Demo(name, description, text, machine, wordBits, steps, views);
    }

    static String resource(String path) {
        try (InputStream in = DemoCatalog.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("the resource " + path + " is missing from this build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the resource " + path + ": " + e.getMessage(), e);
        }
    }
}
