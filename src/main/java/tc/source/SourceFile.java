package tc.source;

/** A source text with the name used in diagnostics. */
public record SourceFile(String name, String text) {

    /** The text of 1-based line {@code line}, without its line terminator ("" if out of range). */
    public String line(int line) {
        int start = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) return "";
            start = nl + 1;
        }
        int end = text.indexOf('\n', start);
        String s = end < 0 ? text.substring(start) : text.substring(start, end);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
