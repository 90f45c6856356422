package tc.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tc.loom.engine.RunResult;
import tc.loom.isa.Program;
import tc.loom.isa.Symbol;

/**
 * One {@code // show:} line of a demo: how to draw its result for a person, from the run's outputs
 * or a global array's final memory. Syntax (docs/formats.md, "Demo headers"):
 * {@code numbers WxH from SOURCE [titled T,…]} or {@code chars WxH from SOURCE as "CHARS" [titled T,…]}.
 * SOURCE is {@code outputs} (cut into frames of W·H values) or a global array (one frame).
 *
 * @param chars  null for numbers; else value v is drawn as {@code chars.charAt(v)} ('?' outside)
 * @param titles one title (numbered per frame when there are several) or one per frame; empty: none
 */
record DemoView(int width, int height, String source, String chars, List<String> titles) {
    private static final Pattern SYNTAX = Pattern.compile(
            "(numbers|chars)\\s+(\\d+)x(\\d+)\\s+from\\s+([A-Za-z_]\\w*)(?:\\s+as\\s+\"([^\"]*)\")?(?:\\s+titled\\s+(\\S+))?");

    DemoView {
        titles = List.copyOf(titles);
    }

    /** Parses the text after {@code // show:}. */
    static DemoView parse(String text) {
        Matcher m = SYNTAX.matcher(text.strip());
        if (!m.matches()) throw new IllegalArgumentException("cannot read show directive '" + text + "'");
        boolean chars = m.group(1).equals("chars");
        if (chars != (m.group(5) != null)) throw new IllegalArgumentException("'chars' needs as \"CHARS\", 'numbers' takes none");
        int w = Integer.parseInt(m.group(2)), h = Integer.parseInt(m.group(3));
        if (w < 1 || h < 1) throw new IllegalArgumentException("a frame needs at least one cell");
        List<String> titles = m.group(6) == null ? List.of() : List.of(m.group(6).split(","));
        return new DemoView(w, h, m.group(4), m.group(5), titles);
    }

    /** The picture of {@code result}, a run of {@code program}, as lines of text. */
    List<String> render(Program program, RunResult result) {
        List<Integer> values;
        if (source.equals("outputs")) {
            values = result.outputs();
        } else {
            Symbol s = program.debug().symbols().stream()
                    .filter(x -> x.isUserVisible() && x.function() == null && x.name().equals(source)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the demo shows '" + source + "', which is no global of the program"));
            values = Arrays.stream(Arrays.copyOfRange(result.memory(), s.index(), s.index() + s.size())).boxed().toList();
        }
        int size = width * height, frames = values.size() / size;
        int digits = values.stream().mapToInt(v -> String.valueOf(v).length()).max().orElse(1);
        List<String> lines = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            if (f > 0) lines.add("");
            String title = title(f, frames);
            if (title != null) lines.add(title + ":");
            for (int r = 0; r < height; r++) {
                StringBuilder line = new StringBuilder(chars == null ? "  " : "  |");
                for (int c = 0; c < width; c++) {
                    int v = values.get(f * size + r * width + c);
                    if (chars != null) line.append(v >= 0 && v < chars.length() ? chars.charAt(v) : '?');
                    else line.append(c == 0 ? "" : " ").append(String.format("%" + digits + "d", v));
                }
                lines.add(chars == null ? line.toString() : line.append('|').toString());
            }
        }
        if (values.size() % size != 0) lines.add("(" + values.size() % size + " values left over, less than a frame)");
        return lines;
    }

    private String title(int frame, int frames) {
        if (titles.isEmpty()) return null;
        if (titles.size() == frames) return titles.get(frame);
        return frames == 1 ? titles.get(0) : titles.get(0) + " " + (frame + 1);
    }
}
