package tc.computer.soft.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc.computer.isa.SeedConfig;

class SoftCacheTest {
    /** Soft state equals the discrete LRU's exactly: tags of valid lines, valid bits, ages, counts. */
    private static void assertSame(DiscreteLru d, SoftCache.State s, long hits, long misses, String where) {
        for (int l = 0; l < d.tag.length; l++) {
            assertEquals(d.valid[l] ? 1.0 : 0.0, s.lines.valid[l], where + " valid of line " + l);
            if (d.valid[l]) assertEquals(d.tag[l], s.lines.tag[l], where + " tag of line " + l);
            assertEquals((double) d.age(l), s.lines.age[l], where + " age of line " + l);
        }
        assertEquals((double) hits, s.hits, where + " hits");
        assertEquals((double) misses, s.misses, where + " misses");
    }

    private static void replay(SplittableRandom r, int lines, int tags, int accesses, double tau) {
        SoftCache cache = new SoftCache(lines, 1, tau);
        SoftCache.State s = new SoftCache.State(lines);
        DiscreteLru d = new DiscreteLru(lines);
        long hits = 0, misses = 0;
        for (int t = 0; t < accesses; t++) {
            // a mass-0 step is an instruction that does not touch memory: nothing may change
            boolean touches = r.nextInt(8) != 0;
            int tag = r.nextInt(tags) - tags / 4;
            cache.access(s, tag, touches ? 1 : 0);
            if (touches) {
                if (d.access(tag)) hits++;
                else misses++;
            }
            assertSame(d, s, hits, misses, "access " + t + " (tag " + tag + ")");
        }
        assertTrue(hits > 0 && misses > 0, "both hits and misses exercised: " + hits + "/" + misses);
    }

    @Test void equalsTheDiscreteLruStateForStateAtTauOneThousandth() {
        SplittableRandom r = new SplittableRandom(15);
        for (int seq = 0; seq < 200; seq++) replay(r, 1 + r.nextInt(8), 2 + r.nextInt(14), 200, 1e-3);
    }

    @Test void equalsTheDiscreteLruAtTheSeedPresetSize() {
        int lines = SeedConfig.SEED.cacheLines();
        replay(new SplittableRandom(16), lines, 3 * lines, 3000, 1e-3);
    }

    @Test void freeLinesFillLowestFirstAndAHitRefreshesRecency() {
        SoftCache cache = new SoftCache(3, 1, 1e-3);
        SoftCache.State s = new SoftCache.State(3);
        for (int t : new int[] {7, 8, 9}) cache.access(s, t, 1);
        assertEquals(7.0, s.lines.tag[0]);
        assertEquals(8.0, s.lines.tag[1]);
        assertEquals(9.0, s.lines.tag[2]);
        cache.access(s, 7, 1); // hit: line 0 becomes the most recent, line 1 the least
        assertEquals(1.0, cache.lastHit());
        cache.access(s, 10, 1); // miss: evicts 8 (line 1)
        assertEquals(0.0, cache.lastHit());
        assertEquals(10.0, s.lines.tag[1]);
        assertEquals(7.0, s.lines.tag[0]);
        assertEquals(1.0, s.hits);
        assertEquals(4.0, s.misses);
    }

    @Test void betweenIntegersTheHitAndTheEvictionAreSoft() {
        SoftCache cache = new SoftCache(2, 1, 1.0);
        SoftCache.State s = new SoftCache.State(2);
        s.lines.valid[0] = s.lines.valid[1] = 1;
        s.lines.tag[0] = 3;
        s.lines.tag[1] = 5;
        s.lines.age[0] = 1;
        s.lines.age[1] = 0;
        cache.access(s, 3.5, 1);
        double h = cache.lastHit();
        // first-match hit probability: m0 + (1 − m0)·m1 with m = exp(−d²)
        double m0 = Math.exp(-0.25), m1 = Math.exp(-2.25);
        assertEquals(m0 + (1 - m0) * m1, h, 1e-15);
        assertEquals(h, s.hits, 1e-15);
        assertEquals(1 - h, s.misses, 1e-15);
        // the miss mass went to both lines by softmax over ages (e^1 : e^0)
        double e0 = Math.E / (Math.E + 1);
        assertEquals(3 + (1 - h) * e0 * 0.5, s.lines.tag[0], 1e-12);
        assertEquals(5 + (1 - h) * (1 - e0) * (3.5 - 5), s.lines.tag[1], 1e-12);
    }

    @Test void tagsOfAddressesFollowTheLineSize() {
        SoftCache c = new SoftCache(4, 4, 1e-3);
        assertEquals(2, c.tagOf(9));
        assertEquals(-1, c.tagOf(-1));
        assertEquals(2.0, c.tagOf(11.5));
        assertThrows(IllegalArgumentException.class, () -> new SoftCache(4, 3, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> new SoftLru(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SoftLru(2, 0));
    }

    /** Reverse mode through several accesses and a snoop against central differences, per group. */
    @Test void gradientsMatchCentralDifferences() {
        SplittableRandom r = new SplittableRandom(17);
        for (int c = 0; c < 3; c++) {
            int lines = 2 + r.nextInt(4), steps = 3 + r.nextInt(4);
            double tau = 0.6 + r.nextDouble();
            double[][] x = {
                    CentralDifferences.random(r, lines, 0, 4), CentralDifferences.random(r, lines, 0.2, 0.95),
                    CentralDifferences.random(r, lines, 0, 3), CentralDifferences.random(r, steps, 0, 4),
                    CentralDifferences.random(r, steps, 0.3, 1)};
            double[] cTag = CentralDifferences.random(r, lines, -1, 1), cValid = CentralDifferences.random(r, lines, -1, 1),
                    cAge = CentralDifferences.random(r, lines, -1, 1);
            double cHits = r.nextDouble() * 2 - 1, cMisses = r.nextDouble() * 2 - 1;
            SoftCache cache = new SoftCache(lines, 1, tau);
            java.util.function.ToDoubleFunction<double[][]> loss = p -> {
                SoftCache.State s = initial(p);
                for (int t = 0; t < p[3].length; t++) {
                    if (t == 1) cache.invalidate(s, p[3][t], p[4][t]); // a snoop between accesses
                    else cache.access(s, p[3][t], p[4][t]);
                }
                return CentralDifferences.dot(cTag, s.lines.tag) + CentralDifferences.dot(cValid, s.lines.valid)
                        + CentralDifferences.dot(cAge, s.lines.age) + cHits * s.hits + cMisses * s.misses;
            };
            // forward, keeping the state before each access
            SoftCache.State s = initial(x);
            SoftCache.State[] before = new SoftCache.State[steps];
            for (int t = 0; t < steps; t++) {
                before[t] = s.copy();
                if (t == 1) cache.invalidate(s, x[3][t], x[4][t]);
                else cache.access(s, x[3][t], x[4][t]);
            }
            SoftCache.State g = new SoftCache.State(lines);
            System.arraycopy(cTag, 0, g.lines.tag, 0, lines);
            System.arraycopy(cValid, 0, g.lines.valid, 0, lines);
            System.arraycopy(cAge, 0, g.lines.age, 0, lines);
            g.hits = cHits;
            g.misses = cMisses;
            double[][] grad = {null, null, null, new double[steps], new double[steps]};
            for (int t = steps - 1; t >= 0; t--) {
                double[] gi = t == 1 ? cache.invalidateBackward(before[t], x[3][t], x[4][t], g) : cache.backward(before[t], x[3][t], x[4][t], g);
                grad[3][t] = gi[0];
                grad[4][t] = gi[1];
            }
            grad[0] = g.lines.tag;
            grad[1] = g.lines.valid;
            grad[2] = g.lines.age;
            CentralDifferences.check("cache case " + c, new String[] {"tags", "valid", "ages", "access tags", "access masses"}, loss, x, grad, 1e-4);
        }
    }

    private static SoftCache.State initial(double[][] p) {
        SoftCache.State s = new SoftCache.State(p[0].length);
        System.arraycopy(p[0], 0, s.lines.tag, 0, p[0].length);
        System.arraycopy(p[1], 0, s.lines.valid, 0, p[1].length);
        System.arraycopy(p[2], 0, s.lines.age, 0, p[2].length);
        return s;
    }
}
