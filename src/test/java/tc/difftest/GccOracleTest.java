package tc.difftest;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GccOracleTest {

    @Test
    void handCheckedProgram() {
        // Each line's expected value is worked out by hand from the rules in docs/architecture.md.
        String code = """
                static int8_t q_main(void) {
                    int8_t x = 100;
                    tc_output((int8_t)(x + x));          /* 200 wraps to -56 */
                    tc_output(tc8_div(7, 0));             /* x / 0 == -1 */
                    tc_output(tc8_mod(7, 0));             /* x % 0 == x */
                    tc_output(tc8_div(-128, -1));         /* MIN / -1 == MIN */
                    tc_output(tc8_mod(-128, -1));         /* MIN % -1 == 0 */
                    tc_output(tc8_div(-7, 2));            /* truncation: -3 */
                    tc_output(tc8_mod(-7, 2));            /* -1 */
                    tc_output(tc8_shl(1, 7));             /* -128 */
                    tc_output(tc8_shl(1, 8));             /* count >= N: 0 */
                    tc_output(tc8_shr(-128, -1));         /* count 255 unsigned: sign fill -1 */
                    tc_output(tc8_shr(64, 3));            /* 8 */
                    tc_output(tc8_abs(-128));             /* abs(MIN) == MIN */
                    tc_output(tc8_mul(12, 11));           /* 132 wraps to -124 */
                    tc_output(tc16_mul(300, 300));        /* 90000 mod 65536 = 24464 */
                    tc_output(tc16_shl(3, 65535));        /* count 65535 >= 16: 0 */
                    return (int8_t)(x - 1);
                }
                """;
        var results = GccOracle.find().run(List.of(new GccOracle.Unit("q_", code)));
        assertEquals(List.of(new GccOracle.Result(
                List.of(-56, -1, 7, -128, 0, -3, -1, -128, 0, -1, 8, -128, -124, 24464, 0), 99)), results);
    }

    @Test
    void twoHundredGeneratedProgramsCompileRunAndPrint() {
        List<GccOracle.Unit> units = new ArrayList<>();
        for (long seed = 0; seed < 200; seed++)
            units.add(new GccOracle.Unit("p" + seed + "_", ProgramGenerator.generate(seed, seed % 2 == 0 ? 8 : 16).gcc("p" + seed + "_")));
        List<GccOracle.Result> results = GccOracle.find().run(units);
        assertEquals(200, results.size());
        int withOutputs = 0;
        for (int i = 0; i < results.size(); i++) {
            int bits = i % 2 == 0 ? 8 : 16;
            GccOracle.Result r = results.get(i);
            if (!r.outputs().isEmpty()) withOutputs++;
            for (int v : r.outputs()) assertTrue(tc.ir.Word.fits(v, bits), "seed " + i + " printed " + v);
            assertTrue(tc.ir.Word.fits(r.retval(), bits), "seed " + i + " returned " + r.retval());
        }
        assertTrue(withOutputs >= 150, "only " + withOutputs + " of 200 programs printed anything");
    }

    @Test
    void parseRejectsOutputOutOfOrder() {
        assertThrows(IllegalStateException.class, () -> GccOracle.parse("P 1\nR 0\n"));
        assertEquals(List.of(new GccOracle.Result(List.of(3), 4)), GccOracle.parse("P 0\nO 3\nR 4\nP 1\nO 9\n"));
    }
}
