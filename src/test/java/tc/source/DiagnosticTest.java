package tc.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The source line under a diagnostic: an excerpt of long lines, and a caret under the right character. */
class DiagnosticTest {
    private static String[] format(String text, int line, int column) {
        return new Diagnostic(new SourceFile("f", text), new SourcePos(line, column), "bad").format().split("\n", -1);
    }

    /** The display column of the caret, counting a wide character as two and a tab up to the next multiple of 8. */
    private static int caretColumn(String caretLine) {
        int col = 0;
        for (char ch : caretLine.toCharArray()) {
            if (ch == '^') return col;
            col = ch == '\t' ? (col / 8 + 1) * 8 : col + 1;
        }
        throw new AssertionError("no caret in '" + caretLine + "'");
    }

    /** The display column where {@code shown}'s character at {@code index} starts, with the same rules. */
    private static int displayColumn(String shown, int index) {
        int col = 0;
        for (int i = 0; i < index; ) {
            int cp = shown.codePointAt(i);
            col = cp == '\t' ? (col / 8 + 1) * 8 : col + Diagnostic.columns(cp);
            i += Character.charCount(cp);
        }
        return col;
    }

    @Test void aShortLineIsShownWhole() {
        String[] f = format("int x;\nint main() { return y; }\n", 2, 21);
        assertEquals("f:2:21: error: bad", f[0]);
        assertEquals("int main() { return y; }", f[1]);
        assertEquals(" ".repeat(20) + "^", f[2]);
    }

    @Test void aLongLineIsCutAroundTheColumnWithMarks() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100_000; i++) sb.append(i % 10);
        sb.setCharAt(60_000, 'X');
        String[] f = format(sb.toString(), 1, 60_001);
        assertTrue(f[1].startsWith("…") && f[1].endsWith("…"), () -> f[1].substring(0, Math.min(200, f[1].length())));
        assertTrue(f[1].length() <= Diagnostic.EXCERPT + 2, f[1].length() + " characters");
        assertEquals('X', f[1].charAt(f[2].indexOf('^')), "the caret is under the offending character");
    }

    @Test void nearEitherEndOnlyThatSideIsCut() {
        String line = "a".repeat(500) + "Z";
        String[] end = format(line, 1, 501);
        assertTrue(end[1].startsWith("…") && end[1].endsWith("Z"), end[1]);
        assertEquals('Z', end[1].charAt(end[2].indexOf('^')));
        String[] pastEnd = format(line, 1, 502);
        assertEquals(end[1].length(), pastEnd[2].indexOf('^'), "one past the end: just after the last character");
        String[] start = format("Q" + line, 1, 1);
        assertTrue(start[1].startsWith("Qa") && start[1].endsWith("…"), start[1]);
        assertEquals("^", start[2]);
    }

    @Test void tabsAndWideCharactersKeepTheCaretUnderTheColumn() {
        String line = "\tx = \"日本語\";\t🙂 y";
        int y = line.indexOf('y');
        String[] f = format(line, 1, y + 1);
        assertEquals(line, f[1]);
        assertEquals(displayColumn(f[1], y), caretColumn(f[2]));
        // the same in a long line that is cut
        String longLine = "日".repeat(300) + "\tz" + "本".repeat(300);
        int z = longLine.indexOf('z');
        String[] g = format(longLine, 1, z + 1);
        int shownZ = g[1].indexOf('z');
        assertTrue(shownZ > 0 && g[1].startsWith("…"), g[1]);
        assertEquals(displayColumn(g[1], shownZ), caretColumn(g[2]));
    }

    @Test void controlCharactersCannotMoveTheCursor() {
        String[] f = format("a\u001b[2Jb\rc", 1, 7);
        assertEquals("a?[2Jb?c", f[1]);
        assertEquals(" ".repeat(6) + "^", f[2]);
    }
}
