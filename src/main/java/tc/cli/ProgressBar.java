package tc.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Progress on stderr. At a terminal: a one-line bar ({@code label [#####.....] done/total}),
 * redrawn at most ten times a second so it costs nothing next to the work it reports, and cleared
 * at the end. Elsewhere (a log file, a pipe, captured output), where carriage returns would pile up
 * as one endless line: nothing while it runs, then one summary line.
 */
final class ProgressBar implements LongConsumer {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final String label;
    private final String unit;
    private final long total;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastDraw;
    private long done;
    private boolean drawn;

    /** A bar counting episodes that draws only when stderr is a terminal ({@link #stderrIsTerminal()}). */
    ProgressBar(PrintWriter err, String label, long total) {
        this(err, label, total, "episodes", stderrIsTerminal());
    }

    /** A bar counting episodes; {@code terminal}: whether {@code err} is a terminal. */
    ProgressBar(PrintWriter err, String label, long total, boolean terminal) {
        this(err, label, total, "episodes", terminal);
    }

    /**
     * @param unit     what is counted ("episodes", "steps")
     * @param terminal whether {@code err} is a terminal: draw the bar, else print one summary line at {@link #finish()}
     */
    ProgressBar(PrintWriter err, String label, long total, String unit, boolean terminal) {
        this.err = err;
        this.label = label;
        this.unit = unit;
        this.total = Math.max(1, total);
        this.terminal = terminal;
    }

    @Override public void accept(long done) {
        this.done = done;
        if (!terminal) return;
        long now = System.nanoTime();
        if (drawn && now - lastDraw < 100_000_000L) return;
        lastDraw = now;
        drawn = true;
        int filled = (int) Math.min(WIDTH, done * WIDTH / total);
        err.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + unit);
        err.flush();
    }

    /** Clears the bar's line at a terminal; elsewhere prints the one summary line. */
    void finish() {
        if (!terminal) {
            err.println(String.format(Locale.ROOT, "%s: %d/%d %s, %.1f s", label, done, total, unit, (System.nanoTime() - start) / 1e9));
            err.flush();
            return;
        }
        if (!drawn) return;
        err.print("\r" + " ".repeat(label.length() + WIDTH + 40) + "\r");
        err.flush();
    }

    /**
     * Whether the process talks to a terminal. Java cannot ask about stderr alone; the console
     * (stdin and stdout at a terminal) is the nearest question it answers. From Java 22 on,
     * {@code System.console()} is not null when redirected either, and {@code Console.isTerminal()}
     * (absent in 21, so looked up by name) tells the two apart.
     */
    static boolean stderrIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException java21) {
            return true;
        }
    }
}
