package tc.loom.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import tc.loom.backend.CompileOptions;
import tc.loom.backend.Compiler;
import tc.loom.interp.Interpreter;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;
import tc.loom.state.StateMatrix;
import tc.loom.transformer.weights.loomv1.LoomV1Weights;
import tc.loom.verify.LockstepVerifier;
import tc.source.SourceFile;

/**
 * A long run of an endless arithmetic loop on the sparse engine at 155×1024, on both weight
 * profiles: the state must stay in the profile's documented value set — loom-v1: every entry
 * within 1e−5 of −1, 0 or +1 (REFERENCE.md §1.5: the noise must not build up); exact: every entry
 * exactly −1, 0 or +1 and the PRIO row exactly its constants — checked on every entry every 1,000
 * steps and at the end, and memory and PC must equal the interpreter's after the same number of
 * steps. The step count is the system property {@code tc.long.steps}: 10,000 in the normal build,
 * 1,000,000 with {@code mvn test -Plong -Dtest=LongRunOnSparseTest}.
 */
class LongRunOnSparseTest {
    private static final int SAMPLE_EVERY = 1_000;

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"exact", "loom-v1"})
    void endlessLoopStaysInTheValueSetAndAgreesWithTheInterpreter(String profile) throws Exception {
        long steps = Long.getLong("tc.long.steps", 10_000);
        boolean exact = profile.equals("exact");
        Path file = Path.of("src/test/resources/longrun/forever.c");
        Program program = Compiler.compile(new SourceFile(file.toString(), Files.readString(file)),
                CompileOptions.of(MachineConfig.parse("155x1024")));
        RunResult ideal = new Interpreter().run(program, RunOptions.defaults().withMaxSteps(steps));
        assertEquals(RunResult.Status.STEP_LIMIT, ideal.status(), "the program must not halt");

        var config = program.config();
        StateMatrix x = StateMatrix.initial(program, exact ? tc.loom.state.StateLayout.exact(config) : tc.loom.state.StateLayout.of(config));
        SparsePass engine = new SparsePass(exact ? tc.loom.transformer.weights.exact.ExactWeights.build(config) : LoomV1Weights.build(config));
        long t0 = System.nanoTime();
        long ran = new TransformerRunner(engine).run(x, steps, (step, pc, state) -> {
            if (step % SAMPLE_EVERY == 0) assertInValueSet(state, step);
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(steps, ran);
        assertInValueSet(x, steps);
        int[] memory = new int[program.config().m()];
        for (int i = 0; i < memory.length; i++) memory[i] = x.memory(i);
        assertArrayEquals(ideal.memory(), memory, "memory after " + steps + " steps");
        assertEquals(ideal.pc(), x.pc(), "PC after " + steps + " steps");
        assertTrue(steps >= 10_000);
        System.out.printf("long run: %d steps on sparse %s in %.1f s (%.3f ms/step)%n", steps, profile, seconds, seconds * 1e3 / steps);
    }

    private static void assertInValueSet(StateMatrix x, long step) {
        float[] data = x.data();
        var layout = x.layout();
        int n = layout.columns();
        float tolerance = layout.isExact() ? 0f : LockstepVerifier.TOLERANCE;
        int prio = layout.has(tc.loom.state.StateLayout.Region.PRIO) ? layout.rows(tc.loom.state.StateLayout.Region.PRIO).first() : -1;
        for (int e = 0; e < data.length; e++) {
            float v = data[e];
            if (e / n == prio) {
                if (v != LockstepVerifier.priority(layout, e % n)) fail("step " + step + ": PRIO entry " + e % n + " changed to " + v);
                continue;
            }
            float nearest = v > 0.5f ? 1f : v < -0.5f ? -1f : 0f;
            if (!(Math.abs(v - nearest) <= tolerance))
                fail("step " + step + ": entry (" + e / n + ", " + e % n + ") = " + v + " is not within " + tolerance + " of -1, 0 or +1");
        }
    }
}
