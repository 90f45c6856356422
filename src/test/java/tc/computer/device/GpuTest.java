package tc.computer.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every GPU kernel against a plain Java loop on random operands (wrapping int), and its errors. */
class GpuTest {
    static final int WORDS = 4096;

    private static Gpu random(Random r, Bus bus) {
        Gpu g = new Gpu(WORDS, bus);
        for (int i = 0; i < WORDS; i++) g.setWord(i, r.nextInt(5) == 0 ? r.nextInt() : r.nextInt(200) - 100);
        return g;
    }

    private static int[] words(Gpu g) {
        int[] w = new int[g.words()];
        for (int i = 0; i < w.length; i++) w[i] = g.word(i);
        return w;
    }

    private static void set(Gpu g, int a, int b, int c, int n, int m, int k, int s) {
        g.setRegister(Mmio.GPU_A, a); g.setRegister(Mmio.GPU_B, b); g.setRegister(Mmio.GPU_C, c);
        g.setRegister(Mmio.GPU_N, n); g.setRegister(Mmio.GPU_M, m); g.setRegister(Mmio.GPU_K, k); g.setRegister(Mmio.GPU_S, s);
    }

    @Test
    void kernelsEqualPlainLoops() {
        Random r = new Random(3);
        Bus bus = new Bus();
        for (int trial = 0; trial < 300; trial++) {
            Gpu g = random(r, bus);
            int kernel = 1 + r.nextInt(7);
            int n = r.nextInt(12), m = r.nextInt(12), k = r.nextInt(12);
            int a = r.nextInt(WORDS - 200), b = r.nextInt(WORDS - 200), c = r.nextInt(WORDS - 200), s = r.nextInt();
            set(g, a, b, c, n, m, k, s);
            int[] before = words(g), want = before.clone();
            int result = 0;
            switch (kernel) {
                case Mmio.GPU_FILL -> { for (int i = 0; i < n; i++) want[c + i] = s; }
                case Mmio.GPU_ADD -> { for (int i = 0; i < n; i++) want[c + i] = before[a + i] + before[b + i]; }
                case Mmio.GPU_MUL -> { for (int i = 0; i < n; i++) want[c + i] = before[a + i] * before[b + i]; }
                case Mmio.GPU_SCALE -> { for (int i = 0; i < n; i++) want[c + i] = s * before[a + i]; }
                case Mmio.GPU_RELU -> { for (int i = 0; i < n; i++) want[c + i] = before[a + i] > 0 ? before[a + i] : 0; }
                case Mmio.GPU_DOT -> { for (int i = 0; i < n; i++) result += before[a + i] * before[b + i]; }
                case Mmio.GPU_MATMUL -> {
                    for (int i = 0; i < n; i++)
                        for (int j = 0; j < m; j++) {
                            long sum = 0;
                            for (int t = 0; t < k; t++) sum += (long) before[a + i * k + t] * before[b + t * m + j];
                            want[c + i * m + j] = (int) sum;
                        }
                }
                default -> throw new AssertionError();
            }
            long kernels = g.kernels();
            g.run(kernel);
            assertArrayEquals(want, words(g), "kernel " + kernel + " trial " + trial);
            if (kernel == Mmio.GPU_DOT) assertEquals(result, g.result());
            assertEquals(kernels + 1, g.kernels());
        }
        assertEquals(300, bus.gpuGrants());
    }

    @Test
    void overlappingResultSeesOldOperands() {
        Gpu g = new Gpu(8, new Bus());
        for (int i = 0; i < 8; i++) g.setWord(i, i + 1);
        set(g, 0, 0, 1, 4, 0, 0, 0); // c = a + a, shifted by one
        g.run(Mmio.GPU_ADD);
        assertArrayEquals(new int[] {1, 2, 4, 6, 8, 6, 7, 8}, words(g));
    }

    @Test
    void errorsAreOneSentence() {
        Gpu g = new Gpu(16, new Bus());
        assertEquals("unknown GPU kernel 9 (1 FILL, 2 ADD, 3 MUL, 4 SCALE, 5 DOT, 6 MATMUL, 7 RELU)",
                assertThrows(DeviceException.class, () -> g.run(9)).getMessage());
        set(g, 10, 0, 0, 8, 0, 0, 0);
        assertEquals("GPU operand A [10, 18) is outside GPU memory (0..15)", assertThrows(DeviceException.class, () -> g.run(Mmio.GPU_ADD)).getMessage());
        set(g, 0, 0, 0, -1, 0, 0, 0);
        assertThrows(DeviceException.class, () -> g.run(Mmio.GPU_FILL));
        set(g, 0, 0, 0, 4, 4, 4, 0);
        g.run(Mmio.GPU_MATMUL); // A, B and C of 16 words each fit
        set(g, 0, 0, 0, 4, 5, 4, 0);
        assertEquals("GPU operand B [0, 20) is outside GPU memory (0..15)", assertThrows(DeviceException.class, () -> g.run(Mmio.GPU_MATMUL)).getMessage());
    }
}
