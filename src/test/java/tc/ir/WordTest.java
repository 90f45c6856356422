package tc.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WordTest {
    @Test void wrapsLikeInt8AndInt16() {
        for (int v = -70000; v <= 70000; v += 7) {
            assertEquals((byte) v, Word.wrap(v, 8));
            assertEquals((short) v, Word.wrap(v, 16));
        }
    }

    @Test void arithmeticMatchesJavaNarrowTypesForEveryEightBitPair() {
        for (int a = -128; a < 128; a++)
            for (int b = -128; b < 128; b++) {
                assertEquals((byte) (a + b), Word.add(a, b, 8));
                assertEquals((byte) (a - b), Word.sub(a, b, 8));
                assertEquals((byte) (a * b), Word.mul(a, b, 8));
                if (b != 0) {
                    assertEquals((byte) (a / b), Word.div(a, b, 8));
                    assertEquals((byte) (a % b), Word.mod(a, b, 8));
                }
            }
    }

    @Test void divisionCornerCasesFollowRiscV() {
        assertEquals(-1, Word.div(5, 0, 8));
        assertEquals(-1, Word.div(-128, 0, 8));
        assertEquals(5, Word.mod(5, 0, 8));
        assertEquals(-128, Word.div(-128, -1, 8));
        assertEquals(0, Word.mod(-128, -1, 8));
        assertEquals(-32768, Word.div(-32768, -1, 16));
        assertEquals(-2, Word.div(-7, 3, 8));
        assertEquals(-1, Word.mod(-7, 3, 8));
        assertEquals(1, Word.mod(7, -3, 8));
    }

    @Test void shiftsReadTheCountAsUnsignedAndSaturate() {
        assertEquals(-128, Word.shl(64, 1, 8));
        assertEquals(0, Word.shl(1, 8, 8));
        assertEquals(0, Word.shl(1, -1, 8)); // count 255
        assertEquals(-1, Word.shr(-128, 7, 8));
        assertEquals(-1, Word.shr(-5, 200, 8));
        assertEquals(0, Word.shr(100, 8, 8));
        assertEquals(-64, Word.shr(-128, 1, 8));
        assertEquals(1 << 14, Word.shl(1, 14, 16));
        assertEquals(-32768, Word.shl(1, 15, 16));
    }

    @Test void rangesAndUnsignedView() {
        assertEquals(-128, Word.min(8));
        assertEquals(32767, Word.max(16));
        assertTrue(Word.fits(-128, 8));
        assertFalse(Word.fits(128, 8));
        assertEquals(255, Word.unsigned(-1, 8));
        assertEquals(200, Word.unsigned(Word.wrap(200, 8), 8));
        assertEquals(127, Word.neg(-127, 8));
        assertEquals(-128, Word.neg(-128, 8));
        assertEquals(-1, Word.not(0, 8));
    }
}
