package tc.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc.loom.Engines;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.interp.Interpreter;
import tc.loom.isa.Program;

/**
 * The bundled bench programs stay inside loom-v1's correct band: run to HALT on the sparse
 * transformer engine they agree with the interpreter step for step and cell for cell, so the
 * bench compares engines doing the same computation.
 */
class BenchProgramsTest {
    @ParameterizedTest
    @ValueSource(strings = {"loop", "recursion", "sort"})
    void sameResultOnTheInterpreterAndSparseLoomV1(String name) {
        BenchProgram bp = BenchProgram.named(name);
        Program program = bp.compile();
        assertEquals(BenchProgram.CONFIG, program.config());
        RunOptions options = RunOptions.defaults().withMaxSteps(5_000);
        RunResult ideal = new Interpreter().run(program, options);
        assertEquals(RunResult.Status.HALTED, ideal.status(), name);
        assertEquals(bp.expectedRetval(), ideal.cell(program.debug().retvalIndex()), name + ": the retval its comment states");
        assertTrue(ideal.steps() > 400, name + " is long enough to time: " + ideal.steps());

        RunResult tensor = Engines.get("sparse", "loom-v1").run(program, options);
        assertEquals(ideal.status(), tensor.status(), name);
        assertEquals(ideal.steps(), tensor.steps(), name + " steps");
        assertEquals(ideal.pc(), tensor.pc(), name + " pc");
        assertArrayEquals(ideal.memory(), tensor.memory(), name + " memory");
        assertEquals(ideal.outputs(), tensor.outputs(), name + " outputs");
    }

    @Test void everyBundledProgramIsListed() {
        assertEquals(java.util.List.of("loop", "recursion", "sort"), BenchProgram.NAMES);
        assertEquals(3, BenchProgram.bundled().size());
    }

    @Test void unknownProgramNamesTheChoices() {
        var e = assertThrows(IllegalArgumentException.class, () -> BenchProgram.named("nope"));
        assertEquals("unknown bench program 'nope': choose one of loop, recursion, sort", e.getMessage());
    }
}
