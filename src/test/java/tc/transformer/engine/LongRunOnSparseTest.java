package tc.transformer.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tc.compiler.CompileOptions;
import tc.compiler.Compiler;
import tc.engine.RunOptions;
import tc.engine.RunResult;
import tc.engine.interp.Interpreter;
import tc.isa.MachineConfig;
import tc.isa.Program;
import tc.source.SourceFile;
import tc.state.StateMatrix;
import tc.transformer.loomv1.LoomV1Weights;
import tc.transformer.verify.LockstepVerifier;

/**
 * A long run of an endless arithmetic loop on the sparse engine with loom-v1 weights at 155×1024:
 * the state must stay in loom-v1's documented value set (every entry within 1e−5 of −1, 0 or +1,
 * REFERENCE.md §1.5: the noise must not build up), checked on every entry every 1,000 steps and
 * at the end, and memory must equal the interpreter's after the same number of steps. The step
 * count is the system property {@code tc.long.steps}: 20,000 in the normal build, 1,000,000 with
 * {@code mvn test -Plong -Dtest=LongRunOnSparseTest}.
 */
class LongRunOnSparseTest {
    private static final int SAMPLE_EVERY = 1_000;

    @Test
    void endlessLoopStaysInTheValueSetAndAgreesWithTheInterpreter() throws Exception {
        long steps = Long.getLong("tc.long.steps", 20_000);
        Path file = Path.of("src/test/resources/longrun/forever.c");
        Program program = Compiler.compile(new SourceFile(file.toString(), Files.readString(file)),
                CompileOptions.of(MachineConfig.parse("155x1024")));
        RunResult ideal = new Interpreter().run(program, RunOptions.defaults().withMaxSteps(steps));
        assertEquals(RunResult.Status.STEP_LIMIT, ideal.status(), "the program must not halt");

        StateMatrix x = StateMatrix.initial(program);
        SparseEngine engine = new SparseEngine(LoomV1Weights.build(program.config()));
        long t0 = System.nanoTime();
        TransformerRunner.Outcome outcome = new TransformerRunner(engine).run(x, steps, (step, pc, state) -> {
            if (step % SAMPLE_EVERY == 0) assertInValueSet(state, step);
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(steps, outcome.steps());
        assertInValueSet(x, steps);
        int[] memory = new int[program.config().m()];
        for (int i = 0; i < memory.length; i++) memory[i] = x.memory(i);
        assertArrayEquals(ideal.memory(), memory, "memory after " + steps + " steps");
        assertEquals(ideal.pc(), x.pc(), "PC after " + steps + " steps");
        assertTrue(steps >= 20_000);
        System.out.printf("long run: %d steps on sparse loom-v1 in %.1f s (%.3f ms/step)%n", steps, seconds, seconds * 1e3 / steps);
    }

    private static void assertInValueSet(StateMatrix x, long step) {
        float[] data = x.data();
        int n = x.layout().columns();
        for (int e = 0; e < data.length; e++) {
            float v = data[e];
            float nearest = v > 0.5f ? 1f : v < -0.5f ? -1f : 0f;
            if (!(Math.abs(v - nearest) <= LockstepVerifier.TOLERANCE))
                fail("step " + step + ": entry (" + e / n + ", " + e % n + ") = " + v + " is not within "
                        + LockstepVerifier.TOLERANCE + " of -1, 0 or +1");
        }
    }
}
