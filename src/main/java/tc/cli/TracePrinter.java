package tc.cli;

import java.io.PrintWriter;
import tc.loom.engine.TraceEvent;
import tc.loom.engine.TraceListener;
import tc.loom.isa.Program;
import tc.source.SourceFile;

/**
 * {@code tc run --trace}: one line per executed instruction, printed as it happens so that traces
 * of millions of steps stream instead of piling up in memory.
 */
final class TracePrinter implements TraceListener {
    private final PrintWriter out;
    private final Program program;
    private final InstructionText text;
    private final SourceFile cSource;
    private final StringBuilder line = new StringBuilder(160);

    /** @param cSource the C source, to quote each instruction's line; null if unknown */
    TracePrinter(PrintWriter out, Program program, SourceFile cSource) {
        this.out = out;
        this.program = program;
        this.text = new InstructionText(program);
        this.cSource = cSource;
    }

    void header() {
        out.println(String.format("%8s %6s  %-28s %5s  %s", "step", "pc", "instruction", "line", "writes"));
    }

    @Override public void onStep(TraceEvent e) {
        int k = e.pc() - program.config().programStart();
        int srcLine = program.debug().lineOf(k);
        line.setLength(0);
        line.append(String.format("%8d %6d  %-28s %5s ", e.step(), e.pc(), text.format(e.instruction()),
                srcLine > 0 ? Integer.toString(srcLine) : "-"));
        int[] w = e.writes();
        for (int i = 0; i + 1 < w.length; i += 2) line.append(' ').append(text.cell(w[i])).append('=').append(w[i + 1]);
        if (cSource != null && srcLine > 0) {
            String code = cSource.line(srcLine).strip();
            if (!code.isEmpty()) line.append("   // ").append(code);
        }
        out.println(line);
    }
}
