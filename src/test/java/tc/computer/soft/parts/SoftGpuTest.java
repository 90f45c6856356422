package tc.computer.soft.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SoftGpuTest {
    /** The contract's kernels in 32-bit int arithmetic (operands read before C is written). */
    static int discrete(int kernel, int[] mem, SoftGpu.Launch l, int s, int result) {
        int[] old = mem.clone();
        int n = l.n();
        switch (kernel) {
            case SoftGpu.FILL -> { for (int i = 0; i < n; i++) mem[l.c() + i] = s; }
            case SoftGpu.ADD -> { for (int i = 0; i < n; i++) mem[l.c() + i] = old[l.a() + i] + old[l.b() + i]; }
            case SoftGpu.MUL -> { for (int i = 0; i < n; i++) mem[l.c() + i] = old[l.a() + i] * old[l.b() + i]; }
            case SoftGpu.SCALE -> { for (int i = 0; i < n; i++) mem[l.c() + i] = s * old[l.a() + i]; }
            case SoftGpu.RELU -> { for (int i = 0; i < n; i++) mem[l.c() + i] = Math.max(old[l.a() + i], 0); }
            case SoftGpu.DOT -> {
                int acc = 0;
                for (int i = 0; i < n; i++) acc += old[l.a() + i] * old[l.b() + i];
                return acc;
            }
            case SoftGpu.MATMUL -> {
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < l.m(); j++) {
                        int acc = 0;
                        for (int p = 0; p < l.k(); p++) acc += old[l.a() + i * l.k() + p] * old[l.b() + p * l.m() + j];
                        mem[l.c() + i * l.m() + j] = acc;
                    }
            }
            default -> throw new IllegalArgumentException();
        }
        return result;
    }

    static double[] oneHot(int k) {
        double[] kappa = new double[SoftGpu.KERNELS];
        kappa[k] = 1;
        return kappa;
    }

    @Test void oneHotLaunchesEqualThe32BitIntegerKernels() {
        SplittableRandom r = new SplittableRandom(45);
        int words = 512;
        // the smooth RELU is exact at integers for every τ, so later kernels see exact words too
        for (double reluTau : new double[] {0, 1e-3, 1}) {
            SoftGpu gpu = new SoftGpu(words, reluTau);
            int[] mem = new int[words];
            for (int i = 0; i < words; i++) mem[i] = r.nextInt(3) == 0 ? r.nextInt() : r.nextInt(201) - 100;
            SoftGpu.State s = new SoftGpu.State(words);
            for (int i = 0; i < words; i++) s.mem[i] = mem[i];
            int result = 0;
            for (int launch = 0; launch < 400; launch++) {
                int kernel = r.nextInt(SoftGpu.KERNELS);
                int n = 1 + r.nextInt(12), m = 1 + r.nextInt(6), k = 1 + r.nextInt(6);
                // C may overlap A and B: operands are read before anything is written
                SoftGpu.Launch l = new SoftGpu.Launch(r.nextInt(words - 80), r.nextInt(words - 80), r.nextInt(words - 80), n, m, k);
                int sc = r.nextBoolean() ? r.nextInt() : r.nextInt(21) - 10;
                // the soft machine holds 32-bit words as doubles; S is rs2's value
                result = discrete(kernel, mem, l, sc, result);
                // one-hot choice via softmax of logits at τ = 1e-3
                double[] logits = new double[SoftGpu.KERNELS];
                logits[kernel] = 1;
                gpu.run(s, l, sc, SoftGpu.choice(logits, 1e-3));
                for (int i = 0; i < words; i++) assertEquals(mem[i], s.mem[i], "launch " + launch + " (" + SoftGpu.NAMES[kernel] + ") word " + i);
                assertEquals(result, s.result, "launch " + launch + " RESULT");
            }
        }
    }

    @Test void aBlendOfKernelsIsTheWeightedSumOfTheirResults() {
        SoftGpu gpu = new SoftGpu(16, 0);
        SoftGpu.State s = new SoftGpu.State(16);
        for (int i = 0; i < 8; i++) s.mem[i] = i + 1;
        double[] kappa = new double[SoftGpu.KERNELS];
        kappa[SoftGpu.ADD] = 0.25;
        kappa[SoftGpu.MUL] = 0.5;
        kappa[SoftGpu.DOT] = 0.25;
        gpu.run(s, new SoftGpu.Launch(0, 4, 8, 4, 0, 0), 0, kappa);
        for (int i = 0; i < 4; i++) {
            double a = i + 1, b = i + 5;
            // a quarter of the mass is DOT's, which leaves C alone: its old value 0 stays in the blend
            assertEquals(0.25 * (a + b) + 0.5 * a * b, s.mem[8 + i], 1e-12);
        }
        assertEquals(0.25 * (1 * 5 + 2 * 6 + 3 * 7 + 4 * 8), s.result, 1e-12);
    }

    @Test void theSmoothReluIsSoftOnlyBetweenZeroAndOne() {
        SoftGpu soft = new SoftGpu(8, 1);
        SoftGpu.State s = new SoftGpu.State(8);
        double[] a = {-0.5, 0.5, 0.25, 1.5};
        System.arraycopy(a, 0, s.mem, 0, 4);
        soft.run(s, new SoftGpu.Launch(0, 0, 4, 4, 0, 0), 0, oneHot(SoftGpu.RELU));
        assertEquals(0.0, s.mem[4]);
        assertEquals(0.25, s.mem[5], 1e-15); // a² at τ = 1
        assertEquals(0.0625, s.mem[6], 1e-15);
        assertEquals(1.5, s.mem[7]);
        SoftGpu sharp = new SoftGpu(8, 1e-3);
        SoftGpu.State t = new SoftGpu.State(8);
        System.arraycopy(a, 0, t.mem, 0, 4);
        sharp.run(t, new SoftGpu.Launch(0, 0, 4, 4, 0, 0), 0, oneHot(SoftGpu.RELU));
        assertEquals(0.0, t.mem[6]); // below ½: rounds to 0 as τ → 0
        assertThrows(IllegalArgumentException.class, () -> new SoftGpu(8, 2));
    }

    @Test void anOperandOutsideGpuMemoryIsRefused() {
        SoftGpu gpu = new SoftGpu(16, 0);
        SoftGpu.State s = new SoftGpu.State(16);
        var e = assertThrows(IllegalArgumentException.class, () -> gpu.run(s, new SoftGpu.Launch(0, 0, 10, 8, 0, 0), 1, oneHot(SoftGpu.FILL)));
        assertEquals("GPU FILL: operand C [10, 18) is outside GPU memory (0..16)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> gpu.run(s, new SoftGpu.Launch(0, 0, 8, 4, 4, 4), 1, oneHot(SoftGpu.MATMUL)));
        // a kernel of weight 0 is not launched, so its operands do not matter
        gpu.run(s, new SoftGpu.Launch(0, 0, 0, 4, 4, 8), 1, oneHot(SoftGpu.FILL));
        assertEquals(1.0, s.mem[3]);
    }

    @Test void gradientsMatchCentralDifferences() {
        SplittableRandom r = new SplittableRandom(47);
        int words = 48;
        SoftGpu.Launch first = new SoftGpu.Launch(0, 12, 24, 3, 4, 4), second = new SoftGpu.Launch(24, 30, 6, 4, 2, 3);
        for (int c = 0; c < 3; c++) {
            double tau = 0.5 + r.nextDouble();
            SoftGpu gpu = new SoftGpu(words, 0.3 + r.nextDouble() * 0.5); // ReLU τ < 1: smooth at 0 and 1
            double[] cMem = CentralDifferences.random(r, words, -1, 1);
            double cResult = r.nextDouble() * 2 - 1;
            // two launches in a row, so the second reads what the first wrote
            double[][] x = {CentralDifferences.random(r, words, -2, 2), CentralDifferences.random(r, 2, -2, 2),
                    CentralDifferences.random(r, 2 * SoftGpu.KERNELS, -1, 1)};
            java.util.function.ToDoubleFunction<double[][]> loss = p -> {
                SoftGpu.State s = new SoftGpu.State(words);
                System.arraycopy(p[0], 0, s.mem, 0, words);
                gpu.run(s, first, p[1][0], SoftGpu.choice(java.util.Arrays.copyOfRange(p[2], 0, 7), tau));
                gpu.run(s, second, p[1][1], SoftGpu.choice(java.util.Arrays.copyOfRange(p[2], 7, 14), tau));
                return CentralDifferences.dot(cMem, s.mem) + cResult * s.result;
            };
            SoftGpu.State s0 = new SoftGpu.State(words);
            System.arraycopy(x[0], 0, s0.mem, 0, words);
            double[] k1 = SoftGpu.choice(java.util.Arrays.copyOfRange(x[2], 0, 7), tau), k2 = SoftGpu.choice(java.util.Arrays.copyOfRange(x[2], 7, 14), tau);
            SoftGpu.State s1 = s0.copy();
            gpu.run(s1, first, x[1][0], k1);
            SoftGpu.State g = new SoftGpu.State(words);
            System.arraycopy(cMem, 0, g.mem, 0, words);
            g.result = cResult;
            SoftGpu.Grad g2 = gpu.backward(s1, second, x[1][1], k2, g);
            SoftGpu.Grad g1 = gpu.backward(s0, first, x[1][0], k1, g);
            double[] gl1 = SoftGpu.choiceBackward(k1, g1.weights(), tau), gl2 = SoftGpu.choiceBackward(k2, g2.weights(), tau);
            double[] gLogits = new double[14];
            System.arraycopy(gl1, 0, gLogits, 0, 7);
            System.arraycopy(gl2, 0, gLogits, 7, 7);
            double[][] grad = {g.mem, {g1.s(), g2.s()}, gLogits};
            double worst = CentralDifferences.check("gpu case " + c, new String[] {"memory", "scalars", "kernel logits"}, loss, x, grad, 1e-4);
            assertTrue(worst <= 1e-6);
        }
    }
}
