package tc.source;

/**
 * One user-facing error, formatted like gcc: {@code file:line:col: error: message}, the line, a caret.
 *
 * <p>Only an excerpt of a long line is shown: the state and program JSON files are often one line
 * of a megabyte, which echoed whole would bury the message. The caret line copies the excerpt's
 * tabs and gives wide characters (CJK, emoji) two columns, so that the caret sits under the
 * column's character at any tab width.
 */
public record Diagnostic(SourceFile file, SourcePos pos, String message) {

    /** Most characters of the source line shown, the "…" marks aside. */
    public static final int EXCERPT = 120;

    /** The one-line header, {@code file:line:col: error: message}. */
    public String header() {
        if (pos.line() <= 0) return file.name() + ": error: " + message;
        return file.name() + ":" + pos.line() + ":" + pos.column() + ": error: " + message;
    }

    /** Header, source line (at most {@link #EXCERPT} characters of it, around the column) and caret, ready to print. */
    public String format() {
        if (pos.line() <= 0) return header();
        String text = file.line(pos.line());
        // The column counts UTF-16 chars from 1; one past the end points just after the last character.
        int at = Math.max(0, Math.min(pos.column() - 1, text.length()));
        int from = 0, to = text.length();
        if (to > EXCERPT) {
            from = Math.max(0, at - EXCERPT / 2);
            to = Math.min(text.length(), from + EXCERPT);
            from = Math.max(0, to - EXCERPT);
            // never cut a surrogate pair in two
            if (from > 0 && Character.isLowSurrogate(text.charAt(from))) from++;
            if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) to--;
        }
        StringBuilder shown = new StringBuilder();
        StringBuilder caret = new StringBuilder();
        if (from > 0) {
            shown.append('…');
            caret.append(' ');
        }
        for (int i = from; i < to; ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            // other control characters would move the terminal's cursor: show them as '?'
            boolean control = cp != '\t' && Character.isISOControl(cp);
            shown.appendCodePoint(control ? '?' : cp);
            if (i < at) {
                if (cp == '\t') caret.append('\t');
                else caret.append(" ".repeat(control ? 1 : columns(cp)));
            }
            i += width;
        }
        if (to < text.length()) shown.append('…');
        return header() + "\n" + shown + "\n" + caret + "^";
    }

    /** Terminal columns a code point takes: 0 for combining marks, 2 for East Asian wide ones, else 1. */
    static int columns(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) return 0;
        return wide(cp) ? 2 : 1;
    }

    /** East Asian Wide and Fullwidth ranges (Unicode TR 11), with the emoji blocks terminals draw wide. */
    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
