package tc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors in one-line JSON files (state and program files are often a single line of a megabyte
 * or more) print a short excerpt of the line, not the whole of it.
 */
class LongLineErrorsTest {
    @TempDir Path tmp;

    /** A 10 MB one-line state-like JSON document with {@code bad} in place of one value at about {@code fraction} of its length. */
    private Path tenMegabytes(String name, double fraction, String bad) throws Exception {
        StringBuilder row = new StringBuilder("[");
        for (int c = 0; c < 1024; c++) row.append(c == 0 ? "" : ", ").append("0.0");
        row.append(']');
        StringBuilder sb = new StringBuilder(10_500_000).append("{\"state\": [");
        for (int r = 0; sb.length() < 10_000_000; r++) sb.append(r == 0 ? "" : ", ").append(row);
        sb.append("]}");
        int at = sb.indexOf("0.0", (int) (sb.length() * fraction));
        sb.replace(at, at + 3, bad);
        return Files.writeString(tmp.resolve(name), sb, StandardCharsets.UTF_8);
    }

    private static void shortDiagnostic(Cli r, Path file, String offending) {
        assertEquals(1, r.exit(), r.err().length() > 2000 ? r.err().substring(0, 2000) : r.err());
        assertTrue(r.err().getBytes(StandardCharsets.UTF_8).length < 1024, r.err().length() + " characters on stderr");
        String[] lines = r.err().split("\\R");
        assertTrue(lines[0].startsWith(file + ":1:"), lines[0]);
        assertEquals(3, lines.length, r.err());
        assertTrue(lines[1].startsWith("…") && lines[1].endsWith("…"), lines[1]);
        assertTrue(lines[1].startsWith(offending, lines[2].indexOf('^')), "caret under " + offending + ":\n" + lines[1] + "\n" + lines[2]);
        assertTrue(r.clean());
    }

    @Test void syntaxErrorNearTheEndOfA10MbLine() throws Exception {
        Path f = tenMegabytes("end.json", 0.999, "0x0");
        // the reader names the malformed number "0x0" and points at its start
        shortDiagnostic(Cli.run("run", f.toString()), f, "0x0");
        shortDiagnostic(Cli.run("disasm", f.toString()), f, "0x0");
    }

    @Test void syntaxErrorInTheMiddleOfA10MbLine() throws Exception {
        Path f = tenMegabytes("mid.json", 0.5, "@.0");
        shortDiagnostic(Cli.run("run", f.toString()), f, "@");
        shortDiagnostic(Cli.run("disasm", f.toString()), f, "@");
    }

    @Test void aStateEntryThatIsNotBipolarIsShortAndNamesRowRegionAndColumn() throws Exception {
        String text = Files.readString(Path.of("../shared/loom-ref/programs/gcd_state.json"));
        // row 1 is in the cmds region; its column 96 is the first instruction of the 155x1024 layout
        int rowStart = nthRow(text, 1);
        int at = rowStart;
        for (int c = 0; c < 96; c++) at = text.indexOf(", ", at) + 2;
        String changed = text.substring(0, at) + "0.5" + text.substring(text.indexOf(',', at));
        Path f = Files.writeString(tmp.resolve("g_state.json"), changed);
        Cli r = Cli.run("run-state", f.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().getBytes(StandardCharsets.UTF_8).length < 1024, r.err());
        assertTrue(r.err().contains("state[1][96] = 0.5 (row 1 in region cmds, column 96, instruction 0)"), r.err());
        String[] lines = r.err().split("\\R");
        assertTrue(lines[1].startsWith("0.5", lines[2].indexOf('^')), lines[1] + "\n" + lines[2]);
    }

    /** Index of the first value of row {@code r} in a one-line state file. */
    private static int nthRow(String text, int r) {
        int at = text.indexOf("[[") + 2;
        for (int i = 0; i < r; i++) at = text.indexOf("], [", at) + 4;
        return at;
    }
}
