package tc.difftest;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramGeneratorTest {

    @Test
    void sameSeedSameProgram() {
        for (int bits : new int[] {8, 16})
            for (long seed = 0; seed < 50; seed++) {
                var a = ProgramGenerator.generate(seed, bits);
                var b = ProgramGenerator.generate(seed, bits);
                assertEquals(a.text(), b.text(), "seed " + seed);
                assertEquals(a.gcc("p_"), b.gcc("p_"), "seed " + seed);
                assertEquals(a.ast(), b.ast(), "seed " + seed);
            }
    }

    @Test
    void differentSeedsGiveDifferentPrograms() {
        var texts = new java.util.HashSet<String>();
        for (long seed = 0; seed < 100; seed++) texts.add(ProgramGenerator.generate(seed, 8).text());
        assertTrue(texts.size() >= 98, "only " + texts.size() + " distinct programs in 100 seeds");
    }

    @Test
    void programsUseTheWholeLanguage() {
        StringBuilder all = new StringBuilder();
        for (long seed = 0; seed < 200; seed++) all.append(ProgramGenerator.generate(seed, seed % 2 == 0 ? 8 : 16).text());
        String text = all.toString();
        List<String> missing = new ArrayList<>();
        for (String feature : List.of(" + ", " - ", " * ", " / ", " % ", " & ", " | ", " ^ ", "(~ ", "(! ", "(- ",
                " << ", " >> ", " == ", " != ", " < ", " <= ", " > ", " >= ", " && ", " || ", " ? ",
                "+= ", "-= ", "*= ", "/= ", "%= ", "&= ", "|= ", "^= ", "<<= ", ">>= ", "++", "--",
                "abs(", "min(", "max(", "mul(", "swap(", "output(", "0x", "'",
                "for (", "while (", "do {", "break;", "continue;", "return;", "else", "void ", "[", "= {"))
            if (!text.contains(feature)) missing.add(feature);
        assertEquals(List.of(), missing, "features never generated in 200 programs");
    }

    @Test
    void recursionIsGuardedByADecreasingDepth() {
        int recursive = 0;
        for (long seed = 0; seed < 200; seed++) {
            String text = ProgramGenerator.generate(seed, 8).text();
            if (text.contains("(p0 - 1)")) {
                recursive++;
                assertTrue(text.contains("if ((p0 <= 0)) {"), "seed " + seed + " recurses without a guard:\n" + text);
            }
        }
        assertTrue(recursive >= 10, "only " + recursive + " of 200 programs recurse");
    }

    @Test
    void rejectsOtherWordWidths() {
        assertThrows(IllegalArgumentException.class, () -> ProgramGenerator.generate(1, 32));
    }
}
