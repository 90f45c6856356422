package tc.computer.soft.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SoftTlbTest {
    static final int PAGE = 4, VIRTUAL = 256, PAGES = VIRTUAL / PAGE, L2 = 3, DIR = PAGES >>> L2;

    /** The discrete TLB and walk of the seed contract, on an independent timestamp LRU. */
    static final class DiscreteTlb {
        final DiscreteLru lru;
        final int[] frame;
        long hits, misses, faults;

        DiscreteTlb(int entries) {
            lru = new DiscreteLru(entries);
            frame = new int[entries];
        }

        /** The physical address, or −1 on a page fault. */
        int translate(int[] pt, int va) {
            int vpn = va / PAGE, off = va % PAGE;
            int l = lru.find(vpn);
            if (l >= 0) {
                hits++;
                lru.access(vpn);
                return frame[l] * PAGE + off;
            }
            misses++;
            int dir = pt[vpn >>> L2];
            int pte = dir == 0 ? 0 : pt[dir + (vpn & ((1 << L2) - 1))];
            if ((pte & 1) == 0) {
                faults++;
                return -1;
            }
            int victim = lru.victim();
            lru.access(vpn);
            frame[victim] = pte >> 1;
            return frame[victim] * PAGE + off;
        }
    }

    /** A page table in the contract's layout: some directory entries 0, PTEs valid or not. */
    static int[] pageTable(SplittableRandom r) {
        int[] pt = new int[DIR + PAGES];
        for (int d = 0; d < DIR; d++) {
            pt[d] = r.nextInt(5) == 0 ? 0 : DIR + d * (1 << L2);
            for (int i = 0; i < 1 << L2; i++) {
                int frame = 1 + r.nextInt(15);
                pt[DIR + d * (1 << L2) + i] = r.nextInt(3) == 0 ? frame << 1 : frame << 1 | 1;
            }
        }
        return pt;
    }

    @Test void equalsTheDiscreteTlbAndWalkStateForState() {
        SplittableRandom r = new SplittableRandom(25);
        long faults = 0, hits = 0;
        for (int seq = 0; seq < 150; seq++) {
            int entries = 1 + r.nextInt(6);
            int[] pt = pageTable(r);
            double[] softPt = new double[pt.length];
            for (int i = 0; i < pt.length; i++) softPt[i] = pt[i];
            SoftTlb tlb = new SoftTlb(entries, PAGE, VIRTUAL, 1e-3, r.nextBoolean() ? 1 : 1e-3);
            assertEquals(pt.length, tlb.pageTableWords());
            SoftTlb.State s = new SoftTlb.State(entries);
            DiscreteTlb d = new DiscreteTlb(entries);
            int hot = 2 + r.nextInt(12); // a few hot pages, so hits happen
            for (int t = 0; t < 150; t++) {
                int va = r.nextInt(4) == 0 ? r.nextInt(VIRTUAL) : (r.nextInt(hot) * 5 % PAGES) * PAGE + r.nextInt(PAGE);
                int pa = d.translate(pt, va);
                double softPa = tlb.translate(s, softPt, va, 1);
                String where = "sequence " + seq + " access " + t + " va " + va;
                assertEquals(pa < 0 ? 1.0 : 0.0, tlb.lastFault(), where + ": fault");
                if (pa >= 0) assertEquals(pa, softPa, where + ": physical address");
                for (int l = 0; l < entries; l++) {
                    assertEquals(d.lru.valid[l] ? 1.0 : 0.0, s.entries.valid[l], where + " valid " + l);
                    if (d.lru.valid[l]) {
                        assertEquals(d.lru.tag[l], s.entries.tag[l], where + " vpn " + l);
                        assertEquals(d.frame[l], s.frame[l], where + " frame " + l);
                    }
                    assertEquals((double) d.lru.age(l), s.entries.age[l], where + " age " + l);
                }
                assertEquals((double) d.hits, s.hits, where);
                assertEquals((double) d.misses, s.misses, where);
                assertEquals((double) d.faults, s.faults, where);
            }
            faults += d.faults;
            hits += d.hits;
        }
        assertTrue(faults > 100 && hits > 100, "faults " + faults + ", hits " + hits);
    }

    @Test void thePteFieldsAreExactAtIntegersAndContinuousBetween() {
        for (int p = 0; p < 40; p++) {
            assertEquals(p & 1, SoftTlb.triangle(p), 0.0);
            // continuity at every integer from both sides
            assertEquals(SoftTlb.triangle(p), SoftTlb.triangle(p - 1e-9), 2e-9);
            assertEquals(SoftTlb.triangle(p), SoftTlb.triangle(p + 1e-9), 2e-9);
        }
        assertEquals(0.5, SoftTlb.triangle(6.5), 1e-15);
        assertEquals(0.5, SoftTlb.triangle(7.5), 1e-15);
    }

    @Test void aHalfValidPteFaultsWithHalfTheMass() {
        double[] pt = new double[DIR + PAGES];
        pt[0] = DIR;
        pt[DIR] = 2 * 5 + 0.5; // frame 5, valid ½
        SoftTlb tlb = new SoftTlb(2, PAGE, VIRTUAL, 1e-3, 1);
        SoftTlb.State s = new SoftTlb.State(2);
        tlb.translate(s, pt, 1, 1);
        assertEquals(0.5, tlb.lastFault(), 1e-15);
        assertEquals(0.5, s.entries.valid[0], 1e-15); // filled with the non-faulting half
        assertThrows(IllegalArgumentException.class, () -> new SoftTlb(2, 3, VIRTUAL, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new SoftTlb(2, PAGE, VIRTUAL, 1, 1.5));
    }

    @Test void gradientsMatchCentralDifferences() {
        SplittableRandom r = new SplittableRandom(27);
        for (int c = 0; c < 3; c++) {
            int entries = 2 + r.nextInt(3), steps = 3 + r.nextInt(3);
            double tau = 0.6 + r.nextDouble(), tauAddress = 0.4 + 0.4 * r.nextDouble();
            double[] pt = new double[DIR + PAGES];
            for (int d = 0; d < DIR; d++) pt[d] = r.nextInt(4) == 0 ? 0.1 + 0.8 * r.nextDouble() : DIR + d * 8 + r.nextDouble() * 0.9 + 0.05;
            for (int i = DIR; i < pt.length; i++) pt[i] = r.nextDouble() * 30;
            double[] va = new double[steps];
            for (int t = 0; t < steps; t++) va[t] = r.nextInt(4) * PAGE * 3 + 0.05 + r.nextDouble() * (PAGE - 0.1);
            double[][] x = {
                    CentralDifferences.random(r, entries, 0, 10), CentralDifferences.random(r, entries, 0.3, 0.95),
                    CentralDifferences.random(r, entries, 0, 3), CentralDifferences.random(r, entries, 1, 15),
                    pt, va, CentralDifferences.random(r, steps, 0.4, 1), CentralDifferences.random(r, 2, 0.2, 0.8)};
            int flushed = (int) Math.floor(va[0]) / PAGE; // before step 1: flush step 0's page; before step 2: all
            // tags near the pages accessed, so that hits are soft
            for (int l = 0; l < entries; l++) x[0][l] = r.nextInt(4) * 3 + r.nextDouble() - 0.5;
            double[] cTag = CentralDifferences.random(r, entries, -1, 1), cValid = CentralDifferences.random(r, entries, -1, 1),
                    cAge = CentralDifferences.random(r, entries, -1, 1), cFrame = CentralDifferences.random(r, entries, -1, 1),
                    cPa = CentralDifferences.random(r, steps, -1, 1), cFault = CentralDifferences.random(r, steps, -1, 1);
            double cHits = r.nextDouble() * 2 - 1, cMisses = r.nextDouble() * 2 - 1, cFaults = r.nextDouble() * 2 - 1;
            SoftTlb tlb = new SoftTlb(entries, PAGE, VIRTUAL, tau, tauAddress);
            java.util.function.ToDoubleFunction<double[][]> loss = p -> {
                SoftTlb.State s = initial(p);
                double sum = 0;
                for (int t = 0; t < p[5].length; t++) {
                    if (t == 1) tlb.flush(s, flushed, p[7][0]);
                    if (t == 2) tlb.flush(s, -1, p[7][1]);
                    sum += cPa[t] * tlb.translate(s, p[4], p[5][t], p[6][t]);
                    sum += cFault[t] * tlb.lastFault();
                }
                return sum + CentralDifferences.dot(cTag, s.entries.tag) + CentralDifferences.dot(cValid, s.entries.valid)
                        + CentralDifferences.dot(cAge, s.entries.age) + CentralDifferences.dot(cFrame, s.frame)
                        + cHits * s.hits + cMisses * s.misses + cFaults * s.faults;
            };
            SoftTlb.State s = initial(x);
            SoftTlb.State[] before = new SoftTlb.State[steps], beforeFlush = new SoftTlb.State[steps];
            for (int t = 0; t < steps; t++) {
                beforeFlush[t] = s.copy();
                if (t == 1) tlb.flush(s, flushed, x[7][0]);
                if (t == 2) tlb.flush(s, -1, x[7][1]);
                before[t] = s.copy();
                tlb.translate(s, pt, va[t], x[6][t]);
            }
            SoftTlb.State g = new SoftTlb.State(entries);
            System.arraycopy(cTag, 0, g.entries.tag, 0, entries);
            System.arraycopy(cValid, 0, g.entries.valid, 0, entries);
            System.arraycopy(cAge, 0, g.entries.age, 0, entries);
            System.arraycopy(cFrame, 0, g.frame, 0, entries);
            g.hits = cHits;
            g.misses = cMisses;
            g.faults = cFaults;
            double[][] grad = {null, null, null, null, new double[pt.length], new double[steps], new double[steps], new double[2]};
            for (int t = steps - 1; t >= 0; t--) {
                double[] gi = tlb.backward(before[t], pt, va[t], x[6][t], g, cPa[t], cFault[t], grad[4]);
                grad[5][t] = gi[0];
                grad[6][t] = gi[1];
                if (t == 1) grad[7][0] = tlb.flushBackward(beforeFlush[t], flushed, x[7][0], g);
                if (t == 2) grad[7][1] = tlb.flushBackward(beforeFlush[t], -1, x[7][1], g);
            }
            grad[0] = g.entries.tag;
            grad[1] = g.entries.valid;
            grad[2] = g.entries.age;
            grad[3] = g.frame;
            CentralDifferences.check("tlb case " + c, new String[] {"vpn tags", "valid", "ages", "frames", "page-table RAM", "addresses", "masses", "flush masses"},
                    loss, x, grad, 1e-4);
        }
    }

    private static SoftTlb.State initial(double[][] p) {
        SoftTlb.State s = new SoftTlb.State(p[0].length);
        System.arraycopy(p[0], 0, s.entries.tag, 0, p[0].length);
        System.arraycopy(p[1], 0, s.entries.valid, 0, p[1].length);
        System.arraycopy(p[2], 0, s.entries.age, 0, p[2].length);
        System.arraycopy(p[3], 0, s.frame, 0, p[3].length);
        return s;
    }
}
