package tc.bench;

import java.io.PrintWriter;
import tc.computer.soft.SoftAddressing;

/**
 * The soft machine's benchmark without the CLI ({@link SoftBenchmark}; the same as
 * {@code tc bench --target tc}).
 *
 * <p>Usage: {@code java -cp target/classes:... tc.bench.SoftBench [repetitions]}
 */
public final class SoftBench {
    private SoftBench() {}

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        PrintWriter out = new PrintWriter(System.out, true);
        SoftBenchmark.run(64, 32, reps, 10, SoftAddressing.LOCATION).printText(out);
        out.flush();
    }
}
