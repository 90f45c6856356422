package tc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress bar draws at a terminal only; in a log it leaves one summary line. */
class ProgressBarTest {
    @Test void atATerminalItDrawsAndClearsTheBar() {
        StringWriter s = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(s), "add seed 1", 200, true);
        bar.accept(100);
        assertEquals("\radd seed 1 [###############...............] 100/200 episodes", s.toString());
        bar.accept(150);   // within 0.1 s of the last draw: not redrawn
        bar.finish();
        assertTrue(s.toString().endsWith("\r" + " ".repeat("add seed 1".length() + 70) + "\r"), s.toString());
        assertTrue(!s.toString().contains("\n"), "no new line at a terminal");
    }

    @Test void elsewhereItPrintsOneSummaryLineAtTheEnd() {
        StringWriter s = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(s), "max seed 2", 200, false);
        for (long done = 1; done <= 180; done++) bar.accept(done);
        assertEquals("", s.toString(), "nothing while it runs");
        bar.finish();
        String out = s.toString();
        assertTrue(out.matches("max seed 2: 180/200 episodes, \\d+\\.\\d s\\R"), out);
        assertTrue(!out.contains("\r") && !out.contains("#"), out);
    }

    /** Tests run with output captured, not at a terminal: the learn command then leaves summary lines, no bar. */
    @Test void theLearnCommandInALogGetsTheSummaryLine() {
        Cli r = Cli.run("learn", "--task", "add", "--seed", "1", "--budget", "300");
        assertTrue(r.exit() == 0 || r.exit() == 1, r.err());
        assertTrue(r.err().matches("add seed 1: \\d+/300 episodes, \\d+\\.\\d s\\R"), r.err());
    }
}
