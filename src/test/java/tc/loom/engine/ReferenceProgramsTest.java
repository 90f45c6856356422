package tc.loom.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tc.loom.interp.Interpreter;
import tc.loom.interp.IsaMachine;
import tc.loom.isa.DebugInfo;
import tc.loom.isa.Program;
import tc.loom.state.StateMatrix;

/**
 * The reference's five published programs (155×1024, m = 64) on the sparse engine with the
 * 1024-column flat weights (exported at m = 160: the weights do not depend on m).
 */
class ReferenceProgramsTest {

    /** Results documented in REFERENCE.md (primes gives 9 because of the reference compiler's return bug). */
    @ParameterizedTest
    @CsvSource({"fibonacci, 13, 80", "gcd, 6, 72", "collatz, 8, 345", "bubblesort, 7, 650", "primes, 9, 1014"})
    void runsToTheDocumentedResultMatchingTheIsaAfterEveryStep(String name, int retval, long steps) throws IOException {
        Program program = ReferenceData.program(name);
        assertEquals(64, program.config().m());
        assertNotEquals(program.config().m(), ReferenceData.flatWeights().config().m());
        StateMatrix x = StateMatrix.initial(program);
        IsaMachine isa = new IsaMachine(program);
        int m = program.config().m();
        long ran = new TransformerRunner(new SparsePass(ReferenceData.flatWeights())).run(x, steps + 10, (step, pc, after) -> {
            assertEquals(isa.pc(), pc, "PC before step " + step);
            isa.step();
            assertEquals(isa.pc(), after.pc(), "PC after step " + step);
            for (int i = 0; i < m; i++) {
                int cell = i;
                assertEquals(isa.cell(i), after.memory(i), () -> "mem[" + cell + "] after step " + step);
            }
            assertNearlyTernary(after, step);
        });
        assertEquals(0, x.pc(), "did not reach PC = 0");
        assertEquals(steps, ran);
        assertEquals(retval, x.memory(DebugInfo.LOOM_RETVAL));
        assertTrue(isa.halted());
    }

    /** REFERENCE.md §1.5: after every step every entry is within 1e−5 of −1, 0 or +1. */
    static void assertNearlyTernary(StateMatrix x, long step) {
        float[] data = x.data();
        for (int e = 0; e < data.length; e++) {
            float v = data[e];
            float off = Math.min(Math.abs(v), Math.abs(Math.abs(v) - 1f));
            if (!(off <= 1e-5f)) {
                int n = x.layout().columns();
                fail("after step " + step + " entry (" + e / n + ", " + e % n + ") = " + v + " is not within 1e-5 of {-1, 0, 1}");
            }
        }
    }

    @Test
    void adapterResultEqualsTheInterpreters() throws IOException {
        TransformerEngine engine = new TransformerEngine("loom-v1-sparse", "loom-v1", c -> ReferenceData.flatWeights(), PassKind.SPARSE);
        for (String name : new String[] {"fibonacci", "gcd", "collatz"}) {
            Program program = ReferenceData.program(name);
            RunResult expected = new Interpreter().run(program, RunOptions.defaults());
            RunResult actual = engine.run(program, RunOptions.defaults());
            assertEquals(RunResult.Status.HALTED, actual.status(), name);
            assertEquals(expected.steps(), actual.steps(), name);
            assertEquals(0, actual.pc(), name);
            assertArrayEquals(expected.memory(), actual.memory(), name);
            assertEquals(expected.outputs(), actual.outputs(), name);
        }
    }

    @Test
    void adapterStopsAtTheStepLimit() throws IOException {
        TransformerEngine engine = new TransformerEngine("loom-v1-sparse", "loom-v1", c -> ReferenceData.flatWeights(), PassKind.SPARSE);
        Program program = ReferenceData.program("fibonacci");
        RunResult partial = engine.run(program, RunOptions.defaults().withMaxSteps(40));
        IsaMachine isa = new IsaMachine(program);
        for (int i = 0; i < 40; i++) isa.step();
        assertEquals(RunResult.Status.STEP_LIMIT, partial.status());
        assertEquals(40, partial.steps());
        assertEquals(isa.pc(), partial.pc());
        assertArrayEquals(isa.memory(), partial.memory());
    }
}
