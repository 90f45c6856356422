package tc.computer.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tc.c.CFrontEnd;
import tc.computer.TcEngines;
import tc.corpus.Corpus;
import tc.corpus.CorpusProgram;
import tc.ir.IrInterpreter;
import tc.ir.IrProgram;

/**
 * The corpus's pointer programs ({@code pointers/*.c}: array parameters, pointers, strings,
 * two-dimensional arrays) on the Tensor Computer's soft machine at τ = 1e-3, against the discrete
 * interpreter (TcCorpusTest checks that one against the programs' stated results), and against
 * {@link IrInterpreter} at 32 bits: same status, return value and outputs.
 */
class TcPointerProgramsTest {
    private static final long MAX_STEPS = 100_000;

    @TestFactory
    Stream<DynamicTest> pointerProgramsAgreeOnTheSoftMachine() {
        List<CorpusProgram> programs = Corpus.load().stream().filter(p -> p.path().startsWith("pointers/")).toList();
        assertFalse(programs.isEmpty(), "no pointers/ programs in the corpus");
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.path(), () -> check(p)));
    }

    private static void check(CorpusProgram p) {
        IrProgram ir = CFrontEnd.compile(p.source(), TcBackend.WORD_BITS);
        TcCompiled compiled = TcBackend.compile(ir, TcBackend.DEFAULT_MEMORY_WORDS);
        TcOutcome interp = TcRunner.run(compiled, TcEngines.INTERP, MAX_STEPS);
        TcOutcome soft = TcRunner.run(compiled, TcEngines.get("soft", 1e-3), MAX_STEPS);
        assertEquals(TcOutcome.Status.HALTED, interp.status(), p.path());
        assertEquals(interp.status(), soft.status(), p.path());
        assertEquals(interp.retval(), soft.retval(), p.path());
        assertEquals(interp.outputs(), soft.outputs(), p.path());
        for (var e : interp.variables().entrySet()) {
            if (e.getValue() instanceof int[] a) assertArrayEquals(a, (int[]) soft.variables().get(e.getKey()), p.path() + ": " + e.getKey());
            else assertEquals(e.getValue(), soft.variables().get(e.getKey()), p.path() + ": " + e.getKey());
        }
        IrInterpreter.Result ideal = IrInterpreter.run(ir, MAX_STEPS);
        assertEquals(IrInterpreter.Status.RETURNED, ideal.status(), p.path());
        assertEquals(ideal.retval(), interp.retval(), p.path());
        assertEquals(ideal.outputs(), interp.outputs(), p.path());
    }
}
