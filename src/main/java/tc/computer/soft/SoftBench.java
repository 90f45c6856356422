package tc.computer.soft;

import java.util.SplittableRandom;
import tc.computer.isa.RandomInstructions;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcParams;
import tc.computer.isa.TcProgram;

/**
 * Benchmark (not a test): forward + backward of the soft machine for a 16-instruction program
 * (256 memory words, 16 slots), batch 64, 32 steps, at τ = 1 on noisy logits so every blend is
 * dense. Prints the median over repetitions of ms per forward+backward and per step.
 *
 * <p>Usage: {@code java -cp target/classes tc.computer.soft.SoftBench [repetitions]}
 */
public final class SoftBench {
    private SoftBench() {}

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int batch = 64, steps = 32;
        var random = new SplittableRandom(16);
        TcProgram program = RandomInstructions.program(random, 256, 16);
        TcMachineSpec spec = program.spec();
        double[] params = TcParams.encode(program, 1.0);
        for (int i = 0; i < params.length; i++) params[i] += random.nextGaussian() * 0.5;
        SoftTemperatures tau = SoftTemperatures.of(1.0);
        SoftState[] inputs = new SoftState[batch];
        double[][] targets = new double[batch][2];
        for (int b = 0; b < batch; b++) {
            inputs[b] = SoftState.initial(program).withRegister(1, b).withRegister(2, b % 7);
            targets[b][0] = b * 2;
            targets[b][1] = b % 7;
        }
        FinalStateLoss loss = SquaredError.ofRegisters(new int[] {0, 1}, targets);

        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] fb = new double[reps], fwd = new double[reps], fwdCpu = new double[reps];
        double sink = 0;
        for (int warm = 0; warm < 10; warm++) sink += SoftGradients.compute(spec, params, tau, inputs, steps, loss).loss();
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            sink += SoftGradients.compute(spec, params, tau, inputs, steps, loss).gradient()[0];
            long t1 = System.nanoTime(), c1 = threads.getCurrentThreadCpuTime();
            sink += SoftGradients.loss(spec, params, tau, inputs, steps, loss);
            long t2 = System.nanoTime(), c2 = threads.getCurrentThreadCpuTime();
            fwdCpu[r] = (c2 - c1) / 1e6;
            fb[r] = (t1 - t0) / 1e6;
            fwd[r] = (t2 - t1) / 1e6;
        }
        java.util.Arrays.sort(fb);
        java.util.Arrays.sort(fwd);
        java.util.Arrays.sort(fwdCpu);
        double mFb = fb[reps / 2], mF = fwd[reps / 2], mFc = fwdCpu[reps / 2];
        System.out.printf("soft machine: 16 instructions, %d memory words, %d slots, batch %d, %d steps, %d cores%n",
                spec.memoryWords(), spec.slots(), batch, steps, Runtime.getRuntime().availableProcessors());
        System.out.printf("forward+backward (parallel over batch): %.3f ms, %.4f ms per step%n", mFb, mFb / steps);
        System.out.printf("forward only (one thread):              %.3f ms, %.4f ms per step (thread CPU time %.3f ms)%n", mF, mF / steps, mFc);
        System.out.printf("load average while measuring: %.2f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (sink == 42) System.out.println();
    }
}
