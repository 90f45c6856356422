package tc.computer.soft.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc.computer.device.Mmio;

class SoftBusTest {
    static final int GPU_WORDS = 1 << 16, SECTOR = 1024;

    @Test void atTauToZeroTheHighestPriorityRequesterGetsTheBus() {
        SoftBus bus = new SoftBus(1e-3, 1, GPU_WORDS, SECTOR);
        for (int mask = 0; mask < 8; mask++) {
            double[] q = {mask & 1, mask >> 1 & 1, mask >> 2 & 1};
            int winner = (mask & 4) != 0 ? SoftBus.DMA : (mask & 2) != 0 ? SoftBus.GPU : (mask & 1) != 0 ? SoftBus.CPU : -1;
            double[] grant = bus.arbitrate(q);
            for (int m = 0; m < SoftBus.MASTERS; m++) assertEquals(m == winner ? 1.0 : 0.0, grant[m], "requests " + mask + " master " + m);
        }
    }

    @Test void atTauOneGrantsFollowRequestTimesPriority() {
        SoftBus bus = new SoftBus(1, 1, GPU_WORDS, SECTOR);
        double[] q = {1, 0.5, 0.25};
        double[] grant = bus.arbitrate(q);
        double z0 = 1, z1 = 0.5 * Math.E, z2 = 0.25 * Math.E * Math.E, sum = z0 + z1 + z2;
        assertEquals(z0 / sum, grant[0], 1e-15);
        assertEquals(z1 / sum, grant[1], 1e-15);
        assertEquals(z2 / sum, grant[2], 1e-15);
        double[] half = bus.arbitrate(new double[] {0.5, 0, 0});
        assertEquals(0.5, half[0], 1e-15); // busy with probability ½, and then the CPU's
        assertThrows(IllegalArgumentException.class, () -> new SoftBus(2, 1, GPU_WORDS, SECTOR));
        assertThrows(IllegalArgumentException.class, () -> new SoftBus(0.5, 0, GPU_WORDS, SECTOR));
    }

    /** The contract's decoding, written out for the test. */
    static int decode(int a) {
        if (a >= 0) return SoftBus.MEMORY;
        if (a - Mmio.GPU_BASE < GPU_WORDS && a - Mmio.GPU_BASE >= 0) return SoftBus.GPU_MEMORY;
        if (a >= Mmio.DEV_BASE && a < Mmio.DISK_BUF) return SoftBus.DEVICE;
        if (a >= Mmio.DISK_BUF && a < Mmio.DISK_BUF + SECTOR) return SoftBus.DISK_BUFFER;
        return SoftBus.NOWHERE;
    }

    @Test void decodingIsExactAtEveryIntegerAddressForEveryTau() {
        int[] edges = {0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, Mmio.GPU_BASE + GPU_WORDS - 1, Mmio.GPU_BASE + GPU_WORDS,
                Mmio.DEV_BASE - 1, Mmio.DEV_BASE, Mmio.DEV_BASE + Mmio.GPU_RUN, Mmio.DISK_BUF - 1, Mmio.DISK_BUF,
                Mmio.DISK_BUF + SECTOR - 1, Mmio.DISK_BUF + SECTOR, -2, 12345};
        SplittableRandom r = new SplittableRandom(35);
        int[] random = new int[2000];
        for (int i = 0; i < random.length; i++) random[i] = r.nextInt(4) == 0 ? r.nextInt() : (r.nextBoolean() ? Mmio.DEV_BASE : Mmio.GPU_BASE) + r.nextInt(1 << 17) - 100;
        for (double tau : new double[] {1e-3, 0.3, 1}) {
            SoftBus bus = new SoftBus(tau, 1, GPU_WORDS, SECTOR);
            for (int[] set : new int[][] {edges, random})
                for (int a : set) {
                    double[] w = bus.route(a);
                    int t = decode(a);
                    for (int k = 0; k < SoftBus.TARGETS; k++) assertEquals(k == t ? 1.0 : 0.0, w[k], "address " + a + " target " + k + " at tau " + tau);
                }
        }
    }

    @Test void betweenIntegersTheRoutingIsSoft() {
        SoftBus linear = new SoftBus(1, 1, GPU_WORDS, SECTOR);
        double[] w = linear.route(-0.25); // between word −1 (nowhere) and word 0 (memory)
        assertEquals(0.75, w[SoftBus.MEMORY], 1e-12);
        assertEquals(0.25, w[SoftBus.NOWHERE], 1e-12);
        double[] sharp = new SoftBus(1e-3, 1, GPU_WORDS, SECTOR).route(-0.25);
        assertEquals(1.0, sharp[SoftBus.MEMORY]); // rounds to the nearest integer as τ → 0
    }

    @Test void gradientsMatchCentralDifferences() {
        SplittableRandom r = new SplittableRandom(37);
        for (int c = 0; c < 3; c++) {
            double tau = 0.4 + r.nextDouble() * 0.6;
            SoftBus bus = new SoftBus(tau, 0.5 + r.nextDouble(), GPU_WORDS, SECTOR);
            double[] cGrant = CentralDifferences.random(r, 3, -1, 1), cRoute = CentralDifferences.random(r, 5, -1, 1);
            // every region boundary: an integer base (the word below it) and a fraction; near ±2^31 a
            // double holds an address only to 2^-22, too coarse for differences, hence the split
            long[] base = {-1, (long) Mmio.GPU_BASE + GPU_WORDS - 1, Mmio.DISK_BUF - 1L, Mmio.DEV_BASE - 1L, (long) Mmio.DISK_BUF + SECTOR - 1};
            double[][] x = {CentralDifferences.random(r, 3, 0.05, 0.95), CentralDifferences.random(r, base.length, 0.05, 0.95)};
            java.util.function.ToDoubleFunction<double[][]> loss = p -> {
                double sum = CentralDifferences.dot(cGrant, bus.arbitrate(p[0]));
                for (int i = 0; i < base.length; i++) sum += CentralDifferences.dot(cRoute, bus.route(base[i], p[1][i]));
                return sum;
            };
            double[][] grad = {bus.arbitrateBackward(x[0], cGrant), new double[base.length]};
            for (int i = 0; i < base.length; i++) grad[1][i] = bus.routeBackward(base[i], x[1][i], cRoute);
            // the real-address form agrees with the split one where doubles are exact (near 0)
            assertEquals(bus.routeBackward(-1, x[1][0], cRoute), bus.routeBackward(-1 + x[1][0], cRoute), 1e-12);
            CentralDifferences.check("bus case " + c, new String[] {"request probabilities", "addresses"}, loss, x, grad, 1e-5);
        }
    }
}
