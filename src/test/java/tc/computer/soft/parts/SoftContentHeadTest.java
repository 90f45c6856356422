package tc.computer.soft.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SoftContentHeadTest {
    @Test void atSharpnessOneThousandItIsTheDiscreteFirstMatchLookup() {
        SplittableRandom r = new SplittableRandom(55);
        SoftContentHead head = new SoftContentHead(1e3);
        int found = 0, missing = 0;
        for (int c = 0; c < 2000; c++) {
            int words = 1 + r.nextInt(64);
            int[] mem = new int[words];
            // a small range of values, so keys repeat (first match matters) and are sometimes absent
            for (int i = 0; i < words; i++) mem[i] = r.nextInt(5) == 0 ? r.nextInt() : r.nextInt(40) - 20;
            double[] soft = new double[words];
            for (int i = 0; i < words; i++) soft[i] = mem[i];
            int key = r.nextInt(4) == 0 ? mem[r.nextInt(words)] : r.nextInt(40) - 20, shift = r.nextInt(7) - 3;
            var d = SoftContentHead.discrete(mem, key, shift);
            head.lookup(soft, key, shift);
            assertEquals(d.found(), head.found(), "case " + c + " found");
            assertEquals(d.addr(), head.addr(), "case " + c + " addr");
            assertEquals(d.result(), head.result(), "case " + c + " result");
            if (d.found() == 1) found++;
            else missing++;
        }
        assertTrue(found > 200 && missing > 200, found + " found, " + missing + " missing");
    }

    @Test void theDiscreteLookupReadsTheWordAfterTheFirstMatch() {
        int[] table = {3, 30, 5, 50, 3, 99};
        assertEquals(new SoftContentHead.Lookup(1, 0, 30), SoftContentHead.discrete(table, 3, 1));
        assertEquals(new SoftContentHead.Lookup(1, 2, 50), SoftContentHead.discrete(table, 5, 1));
        assertEquals(new SoftContentHead.Lookup(1, 5, 3), SoftContentHead.discrete(table, 99, 1)); // wraps to word 0
        assertEquals(new SoftContentHead.Lookup(0, -1, 0), SoftContentHead.discrete(table, 7, 1));
    }

    @Test void aSoftKeyMatchesPartially() {
        SoftContentHead head = new SoftContentHead(1);
        double[] mem = {10, 4, 20};
        head.lookup(mem, 4.5, 0);
        double m = Math.exp(-0.25);
        // words 10 and 20 are 5.5 and 15.5 away: their matches are below 1e-13
        assertEquals(m, head.found(), 1e-12);
        assertEquals(m * 4, head.result(), 1e-11);
        assertEquals(m * 2 - 1, head.addr(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new SoftContentHead(0));
    }

    @Test void gradientsMatchCentralDifferences() {
        SplittableRandom r = new SplittableRandom(57);
        for (int c = 0; c < 3; c++) {
            int words = 8 + r.nextInt(9), shift = r.nextInt(5) - 2;
            SoftContentHead head = new SoftContentHead(0.3 + r.nextDouble());
            double cF = r.nextDouble() * 2 - 1, cA = r.nextDouble() * 2 - 1, cR = r.nextDouble() * 2 - 1;
            double[][] x = {CentralDifferences.random(r, words, -3, 3), {r.nextDouble() * 4 - 2}};
            java.util.function.ToDoubleFunction<double[][]> loss = p -> {
                head.lookup(p[0], p[1][0], shift);
                return cF * head.found() + cA * head.addr() + cR * head.result();
            };
            double[] gMem = new double[words];
            double gKey = head.backward(x[0], x[1][0], shift, cF, cA, cR, gMem);
            CentralDifferences.check("content head case " + c, new String[] {"memory", "key"}, loss, x, new double[][] {gMem, {gKey}}, 1e-4);
        }
    }
}
