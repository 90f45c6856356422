package tc.cli;

import java.io.PrintWriter;
import java.util.function.LongConsumer;

/**
 * A one-line progress bar on stderr ({@code label [#####.....] done/total}), redrawn at most ten
 * times a second so it costs nothing next to the work it reports.
 */
final class ProgressBar implements LongConsumer {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final String label;
    private final long total;
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintWriter err, String label, long total) {
        this.err = err;
        this.label = label;
        this.total = Math.max(1, total);
    }

    @Override public void accept(long done) {
        long now = System.nanoTime();
        if (drawn && now - lastDraw < 100_000_000L) return;
        lastDraw = now;
        drawn = true;
        int filled = (int) Math.min(WIDTH, done * WIDTH / total);
        err.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " episodes");
        err.flush();
    }

    /** Clears the bar's line. */
    void finish() {
        if (!drawn) return;
        err.print("\r" + " ".repeat(label.length() + WIDTH + 40) + "\r");
        err.flush();
    }
}
