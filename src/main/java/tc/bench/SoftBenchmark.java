package tc.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import tc.computer.isa.RandomInstructions;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcParams;
import tc.computer.isa.TcProgram;
import tc.computer.soft.FinalStateLoss;
import tc.computer.soft.SoftAddressing;
import tc.computer.soft.SoftGradients;
import tc.computer.soft.SoftState;
import tc.computer.soft.SoftTemperatures;
import tc.computer.soft.SquaredError;

/**
 * The soft machine's benchmark (issue 4; {@code tc bench --target tc}): forward + backward for a
 * 16-instruction program (256 memory words, 16 slots), batch 64, 32 steps, at τ = 1 on noisy
 * logits so every distribution is dense (the PC spreads over all slots). The workload is fixed by a
 * seed, so runs on different machines time the same computation; {@code bench/pytorch_soft_step.py}
 * is the same computation written for PyTorch.
 *
 * <p>Three timings, each the median of {@code repeat} runs after {@code warmup} untimed ones:
 * the forward pass alone on one thread ({@link SoftGradients#loss}), forward + backward on one
 * thread, and forward + backward parallel over the batch (the common fork-join pool).
 */
public final class SoftBenchmark {
    private SoftBenchmark() {}

    public static final int INSTRUCTIONS = 16, MEMORY_WORDS = 256;

    /**
     * @param batch, steps, repeat, warmup what was run
     * @param threads     threads the parallel run could use (fork-join pool workers + the caller, at most one per chunk)
     * @param forwardMs   forward alone, one thread, median ms
     * @param backwardSerialMs   forward + backward, one thread, median ms
     * @param backwardParallelMs forward + backward, parallel over the batch, median ms
     * @param loss        the summed loss (the same in all three runs; printed so runs can be compared)
     */
    public record Result(TcMachineSpec spec, int batch, int steps, int repeat, int warmup, int threads, String addressing,
                         double forwardMs, double backwardSerialMs, double backwardParallelMs, double loss) {
        /** Microseconds per (batch element × step) for a total of {@code ms}. */
        double perElementStepMicros(double ms) { return ms * 1000 / ((double) batch * steps); }

        public void printText(PrintWriter out) {
            out.printf(Locale.ROOT, "tc bench --target tc: soft machine, %d instructions (%d slots, %d memory words), batch %d, %d steps, tau 1, %s addressing%n",
                    INSTRUCTIONS, spec.slots(), spec.memoryWords(), batch, steps, addressing);
            out.printf(Locale.ROOT, "machine:  %s%n", tc.bench.MachineInfo.current().describe());
            out.printf(Locale.ROOT, "settings: %d warm-up run(s), median of %d timed run(s); parallel runs use %d thread(s)%n%n", warmup, repeat, threads);
            String fmt = "%-36s %10s %12s %16s%n";
            out.printf(Locale.ROOT, fmt, "run", "ms", "ms per step", "us per elem-step");
            row(out, fmt, "forward (1 thread)", forwardMs);
            row(out, fmt, "forward + backward (1 thread)", backwardSerialMs);
            row(out, fmt, "forward + backward (" + threads + " threads)", backwardParallelMs);
            out.println();
            out.printf(Locale.ROOT, "ratios:   forward+backward / forward (1 thread) = %.2f; 1 thread / %d threads = %.2f%n",
                    backwardSerialMs / forwardMs, threads, backwardSerialMs / backwardParallelMs);
            out.printf(Locale.ROOT, "loss:     %.9e (same computation as bench/pytorch_soft_step.py; PyTorch not measured here)%n", loss);
        }

        private void row(PrintWriter out, String fmt, String name, double ms) {
            out.printf(Locale.ROOT, fmt, name, String.format(Locale.ROOT, "%.3f", ms), String.format(Locale.ROOT, "%.4f", ms / steps),
                    String.format(Locale.ROOT, "%.3f", perElementStepMicros(ms)));
        }

        public String json() {
            ObjectNode j = new ObjectMapper().createObjectNode();
            j.put("target", "tc");
            j.put("instructions", INSTRUCTIONS);
            j.put("slots", spec.slots());
            j.put("memoryWords", spec.memoryWords());
            j.put("batch", batch);
            j.put("steps", steps);
            j.put("tau", 1.0);
            j.put("addressing", addressing);
            j.put("repeat", repeat);
            j.put("warmup", warmup);
            j.put("threads", threads);
            j.put("availableProcessors", Runtime.getRuntime().availableProcessors());
            j.put("javaVersion", System.getProperty("java.version"));
            j.put("forwardMs", forwardMs);
            j.put("forwardBackwardSerialMs", backwardSerialMs);
            j.put("forwardBackwardParallelMs", backwardParallelMs);
            j.put("forwardMsPerStep", forwardMs / steps);
            j.put("forwardBackwardParallelMsPerStep", backwardParallelMs / steps);
            j.put("backwardOverForward", backwardSerialMs / forwardMs);
            j.put("parallelSpeedup", backwardSerialMs / backwardParallelMs);
            j.put("loss", loss);
            return j.toString();
        }
    }

    /** The benchmark's fixed workload: program, parameters, batch of inputs and loss. */
    record Workload(TcMachineSpec spec, double[] params, SoftState[] inputs, FinalStateLoss loss) {
        static Workload of(int batch) {
            var random = new SplittableRandom(16);
            TcProgram program = RandomInstructions.program(random, MEMORY_WORDS, INSTRUCTIONS);
            double[] params = TcParams.encode(program, 1.0);
            for (int i = 0; i < params.length; i++) params[i] += random.nextGaussian() * 0.5;
            SoftState[] inputs = new SoftState[batch];
            double[][] targets = new double[batch][2];
            for (int b = 0; b < batch; b++) {
                inputs[b] = SoftState.initial(program).withRegister(1, b).withRegister(2, b % 7);
                targets[b][0] = b * 2;
                targets[b][1] = b % 7;
            }
            return new Workload(program.spec(), params, inputs, SquaredError.ofRegisters(new int[] {0, 1}, targets));
        }
    }

    /**
     * The workload as JSON for {@code bench/pytorch_soft_step.py}: spec, temperatures, steps, the
     * 112 × slots parameters, each batch element's initial registers and memory, and the loss's
     * registers and targets. Doubles are written in Java's shortest round-tripping form.
     */
    public static String workloadJson(int batch, int steps) {
        Workload w = Workload.of(batch);
        ObjectMapper json = new ObjectMapper();
        ObjectNode j = json.createObjectNode();
        j.put("format", "tc-soft-bench-workload");
        j.put("memoryWords", w.spec.memoryWords());
        j.put("slots", w.spec.slots());
        j.put("steps", steps);
        j.put("tau", 1.0);
        var params = j.putArray("params");
        for (double p : w.params) params.add(p);
        var regs = j.putArray("registers");
        var mems = j.putArray("memory");
        for (SoftState s : w.inputs) {
            var r = regs.addArray();
            for (double x : s.reg) r.add(x);
            var m = mems.addArray();
            for (double x : s.mem) m.add(x);
        }
        SquaredError loss = (SquaredError) w.loss;
        var lr = j.putArray("lossRegisters");
        for (int r : loss.registers()) lr.add(r);
        var targets = j.putArray("targets");
        for (double[] t : loss.registerTargets()) {
            var row = targets.addArray();
            for (double x : t) row.add(x);
        }
        j.put("javaLoss", SoftGradients.loss(w.spec, w.params, SoftTemperatures.of(1.0), w.inputs, steps, w.loss));
        return j.toString();
    }

    public static Result run(int batch, int steps, int repeat, int warmup, SoftAddressing addressing) {
        if (batch < 1 || steps < 1 || repeat < 1 || warmup < 0)
            throw new IllegalArgumentException("batch, steps and repeat must be ≥ 1 and warmup ≥ 0");
        Workload w = Workload.of(batch);
        SoftTemperatures tau = SoftTemperatures.of(1.0);
        double[] fwd = new double[repeat], serial = new double[repeat], parallel = new double[repeat];
        double loss = 0;
        for (int r = -warmup; r < repeat; r++) {
            long t0 = System.nanoTime();
            loss = SoftGradients.loss(w.spec, w.params, tau, addressing, w.inputs, steps, w.loss);
            long t1 = System.nanoTime();
            SoftGradients.compute(w.spec, w.params, tau, addressing, w.inputs, steps, w.loss, false);
            long t2 = System.nanoTime();
            SoftGradients.compute(w.spec, w.params, tau, addressing, w.inputs, steps, w.loss, true);
            long t3 = System.nanoTime();
            if (r >= 0) {
                fwd[r] = (t1 - t0) / 1e6;
                serial[r] = (t2 - t1) / 1e6;
                parallel[r] = (t3 - t2) / 1e6;
            }
        }
        int chunks = (batch + SoftGradients.CHUNK - 1) / SoftGradients.CHUNK;
        int threads = Math.min(chunks, ForkJoinPool.getCommonPoolParallelism() + 1);
        String how = addressing.usesContent() ? "content (gate " + addressing.gate() + ", sharpness " + addressing.sharpness() + ")" : "location";
        return new Result(w.spec, batch, steps, repeat, warmup, threads, how, median(fwd), median(serial), median(parallel), loss);
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
