package tc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import tc.computer.device.Devices;
import tc.computer.interp.SeedMachine;
import tc.computer.interp.TcMachine;
import tc.computer.isa.SeedConfig;
import tc.computer.isa.TcProgram;
import tc.computer.memory.MachineStats;
import tc.computer.runtime.ArraySum;

/**
 * Throughput of the discrete {@code seed} machine on a demand-paging workload ({@link ArraySum}:
 * 16,384 words over 256 words of main memory, so TLB and cache both hit and miss and the page-fault
 * handler runs), against the flat {@code cpu} machine on the same program without paging.
 * Instructions per second are per CPU second of the measuring thread (the machine is shared), as
 * well as per wall second. Figures are reported, never judged.
 */
public final class SeedBenchmark {
    private SeedBenchmark() {}

    /**
     * @param seedSteps   instructions the seed machine executed per run (handler included)
     * @param cpuNanos    median CPU time of one seed run
     * @param wallNanos   median wall time of one seed run
     * @param flatSteps   instructions of the same program on the flat machine
     * @param flatCpuNanos median CPU time of one flat run
     */
    public record Result(int virtualWords, int words, long seedSteps, long cpuNanos, long wallNanos, long flatSteps,
                         long flatCpuNanos, int repeat, MachineStats stats) {
        public double seedPerCpuSecond() { return seedSteps * 1e9 / cpuNanos; }
        public double seedPerWallSecond() { return seedSteps * 1e9 / wallNanos; }
        public double flatPerCpuSecond() { return flatSteps * 1e9 / flatCpuNanos; }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("machine", "seed");
            m.put("program", "array-sum (prefix sums then sum, demand paging)");
            m.put("virtualWords", virtualWords);
            m.put("arrayWords", words);
            m.put("steps", seedSteps);
            m.put("cpuMs", cpuNanos / 1e6);
            m.put("wallMs", wallNanos / 1e6);
            m.put("instructionsPerCpuSecond", seedPerCpuSecond());
            m.put("instructionsPerWallSecond", seedPerWallSecond());
            m.put("flatSteps", flatSteps);
            m.put("flatInstructionsPerCpuSecond", flatPerCpuSecond());
            m.put("repeat", repeat);
            m.put("stats", stats.toMap());
            return m;
        }

        public String text() {
            return String.format("seed machine, array sum of %,d words in %,d virtual words over %,d physical: %,d instructions per run%n"
                            + "  median of %d runs: %.2f ms CPU, %.2f ms wall → %,.0f instructions per CPU second (%,.0f per wall second)%n"
                            + "  flat cpu machine, same program without paging: %,d instructions, %,.0f per CPU second%n"
                            + "  stats per run: %s%n",
                    words, virtualWords, SeedConfig.SEED.physicalWords(), seedSteps, repeat, cpuNanos / 1e6, wallNanos / 1e6,
                    seedPerCpuSecond(), seedPerWallSecond(), flatSteps, flatPerCpuSecond(), stats.toMap());
        }
    }

    /** Runs the workload {@code warmup} times unmeasured, then {@code repeat} times measured; medians. */
    public static Result run(SeedConfig config, int virtualWords, int words, int repeat, int warmup) {
        TcProgram paged = ArraySum.program(config, virtualWords, words, true);
        TcProgram flat = ArraySum.program(config, virtualWords, words, false);
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[repeat], wall = new long[repeat], flatCpu = new long[repeat];
        long steps = 0, flatSteps = 0;
        MachineStats stats = null;
        for (int r = -warmup; r < repeat; r++) {
            SeedMachine m = new SeedMachine(paged, config, Devices.inMemory(config));
            long c0 = bean.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            while (!m.halted() && m.fault() == null) m.step();
            long c1 = bean.getCurrentThreadCpuTime(), w1 = System.nanoTime();
            if (m.fault() != null) throw new IllegalStateException("the benchmark program faulted: " + m.fault());
            TcMachine t = new TcMachine(flat);
            long f0 = bean.getCurrentThreadCpuTime();
            while (!t.halted()) t.step();
            long f1 = bean.getCurrentThreadCpuTime();
            if (r >= 0) {
                cpu[r] = c1 - c0;
                wall[r] = w1 - w0;
                flatCpu[r] = f1 - f0;
            }
            steps = m.steps();
            flatSteps = t.steps();
            stats = m.stats();
        }
        return new Result(virtualWords, words, steps, median(cpu), median(wall), flatSteps, median(flatCpu), repeat, stats);
    }

    private static long median(long[] xs) {
        long[] s = xs.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    /** {@code java -cp target/classes tc.bench.SeedBenchmark [repeat]}: prints the figures. */
    public static void main(String[] args) {
        int repeat = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        System.out.print(run(SeedConfig.SEED, 32_768, 16_384, repeat, 10).text());
    }
}
