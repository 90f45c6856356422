package tc.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tc.loom.engine.Fault;
import tc.loom.isa.MachineConfig;
import tc.source.SourcePos;

class CorpusProgramTest {

    @Test
    void readsEveryRunExpectationInOrderWithOutputsMerged() {
        String text = """
                // expect: retval -13
                // expect: output 1 2
                int g; // expect: g = 5
                // expect: a = {1, -2, 3}
                // expect: output 3, -128
                int main() { return 0; }
                """;
        CorpusProgram p = CorpusProgram.parse("x/y.c", text);
        assertEquals(List.of(
                new Expectation.Retval(-13),
                new Expectation.Output(List.of(1, 2, 3, -128)),
                new Expectation.Scalar("g", 5),
                new Expectation.Array("a", List.of(1, -2, 3))), p.expectations());
        assertEquals(8, p.wordBits());
        assertNull(p.config());
        assertNull(p.expectedError());
        assertNull(p.expectedFault());
        assertEquals("x/y.c", p.source().name());
        assertEquals(text, p.source().text());
    }

    @Test
    void emptyOutputLineExpectsNoOutput() {
        CorpusProgram p = CorpusProgram.parse("o.c", "// expect: output\n");
        assertEquals(List.of(new Expectation.Output(List.of())), p.expectations());
    }

    @Test
    void readsHeaders() {
        CorpusProgram p = CorpusProgram.parse("h.c", "// word-bits: 16\n// config: 155x1024\n// expect: x = 30000\n");
        assertEquals(16, p.wordBits());
        assertEquals(MachineConfig.parse("155x1024").withWordBits(16), p.config());
        assertEquals(p.config(), p.options().config());
        assertEquals(16, p.options().wordBits());

        CorpusProgram custom = CorpusProgram.parse("c.c", "// config: 32,64,128,8\n// expect error: too big\n");
        assertEquals(new MachineConfig(32, 64, 128, 8), custom.config());
    }

    @Test
    void readsFaults() {
        CorpusProgram p = CorpusProgram.parse("f.c", "// expect: output 1\n// expect: fault stack-overflow\n");
        assertEquals(Fault.Kind.STACK_OVERFLOW, p.expectedFault());
        assertEquals(Fault.Kind.POINTER_OUT_OF_RANGE,
                CorpusProgram.parse("f.c", "// expect: fault pointer-out-of-range\n").expectedFault());
    }

    @Test
    void readsCompileErrorsWithAndWithoutPosition() {
        CorpusProgram at = CorpusProgram.parse("e.c", "// expect error: 3:7 undefined variable 'y'\n");
        assertEquals(new Expectation.CompileError(new SourcePos(3, 7), "undefined variable 'y'"), at.expectedError());
        CorpusProgram anywhere = CorpusProgram.parse("e.c", "// expect error: no 'main'\n");
        assertEquals(new Expectation.CompileError(null, "no 'main'"), anywhere.expectedError());
    }

    @Test
    void programWithoutDirectivesHasNoExpectations() {
        assertTrue(CorpusProgram.parse("n.c", "int main() { return 0; } // expected nothing\n").expectations().isEmpty());
    }

    @Test
    void rejectsMalformedDirectivesWithFileAndLine() {
        var e = assertThrows(IllegalArgumentException.class, () -> CorpusProgram.parse("bad.c", "\n// expect: retval twelve\n"));
        assertTrue(e.getMessage().startsWith("bad.c:2:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CorpusProgram.parse("b.c", "// expect: x == 5\n"));
        assertThrows(IllegalArgumentException.class, () -> CorpusProgram.parse("b.c", "// expect: fault melted\n"));
        assertThrows(IllegalArgumentException.class, () -> CorpusProgram.parse("b.c", "// expect: a = {}\n"));
        assertThrows(IllegalArgumentException.class, () -> CorpusProgram.parse("b.c", "// expect error: 3:7\n"));
        assertThrows(IllegalArgumentException.class, () -> CorpusProgram.parse("b.c", "// word-bits: 12\n"));
        assertThrows(IllegalArgumentException.class, () -> CorpusProgram.parse("b.c", "// config: 7x7\n"));
    }

    @Test
    void rejectsValuesOutsideTheWord() {
        assertThrows(IllegalArgumentException.class, () -> CorpusProgram.parse("r.c", "// expect: retval 128\n"));
        assertThrows(IllegalArgumentException.class, () -> CorpusProgram.parse("r.c", "// expect: output -129\n"));
        assertEquals(List.of(new Expectation.Retval(-32768)),
                CorpusProgram.parse("r.c", "// expect: retval -32768\n// word-bits: 16\n").expectations());
    }

    @Test
    void rejectsContradictoryExpectations() {
        assertThrows(IllegalArgumentException.class, () -> CorpusProgram.parse("c.c", "// expect error: x\n// expect: retval 1\n"));
        assertThrows(IllegalArgumentException.class, () -> CorpusProgram.parse("c.c", "// expect: retval 1\n// expect: retval 2\n"));
        assertThrows(IllegalArgumentException.class, () -> CorpusProgram.parse("c.c", "// expect: fault stack-overflow\n// expect: x = 1\n"));
    }
}
