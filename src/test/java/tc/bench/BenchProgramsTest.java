package tc.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tc.loom.Engines;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.interp.Interpreter;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;

/**
 * The bundled bench programs fit each of the paper's configurations and stay inside loom-v1's
 * correct band there: run to HALT on a transformer engine, on both profiles, they agree with the
 * interpreter cell for cell, so the bench compares engines doing the same computation everywhere
 * it measures.
 */
class BenchProgramsTest {
    static Stream<Arguments> programsAndConfigs() {
        return BenchSettings.DEFAULT_CONFIGS.stream().flatMap(c -> BenchProgram.NAMES.stream().map(p -> Arguments.of(p, c.name())));
    }

    /**
     * On fast, which equals dense and sparse bit for bit (their differential tests) and is quick
     * enough to run every program to HALT at 164×2048 in CI.
     */
    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("programsAndConfigs")
    void sameResultOnTheInterpreterAndTheTransformerOnBothProfiles(String name, String configName) {
        MachineConfig config = MachineConfig.parse(configName);
        BenchProgram bp = BenchProgram.named(name);
        Program program = bp.compile(config);
        assertEquals(config, program.config());
        RunResult ideal = interpreted(bp, program);
        for (String profile : Engines.PROFILES)
            assertSame(ideal, Engines.get("fast", profile).run(program, RunOptions.defaults().withMaxSteps(5_000)), name + " " + configName + " " + profile);
    }

    private static RunResult interpreted(BenchProgram bp, Program program) {
        RunResult ideal = new Interpreter().run(program, RunOptions.defaults().withMaxSteps(5_000));
        assertEquals(RunResult.Status.HALTED, ideal.status(), bp.name());
        assertEquals(bp.expectedRetval(), ideal.cell(program.debug().retvalIndex()), bp.name() + ": the retval its comment states");
        assertTrue(ideal.steps() > 400, bp.name() + " is long enough to time: " + ideal.steps());
        return ideal;
    }

    private static void assertSame(RunResult ideal, RunResult tensor, String what) {
        assertEquals(ideal.status(), tensor.status(), what);
        assertEquals(ideal.steps(), tensor.steps(), what + " steps");
        assertEquals(ideal.pc(), tensor.pc(), what + " pc");
        assertArrayEquals(ideal.memory(), tensor.memory(), what + " memory");
        assertEquals(ideal.outputs(), tensor.outputs(), what + " outputs");
    }

    @Test void everyBundledProgramIsListed() {
        assertEquals(java.util.List.of("loop", "recursion", "sort"), BenchProgram.NAMES);
        assertEquals(3, BenchProgram.bundled().size());
    }

    @Test void theDefaultConfigurationsAreThePapersThree() {
        assertEquals(java.util.List.of("146x512", "155x1024", "164x2048"), BenchSettings.DEFAULT_CONFIGS.stream().map(MachineConfig::name).toList());
    }

    @Test void unknownProgramNamesTheChoices() {
        var e = assertThrows(IllegalArgumentException.class, () -> BenchProgram.named("nope"));
        assertEquals("unknown bench program 'nope': choose one of loop, recursion, sort", e.getMessage());
    }
}
