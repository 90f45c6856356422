package tc.loom.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc.loom.backend.CompileOptions;
import tc.loom.backend.Compiler;
import tc.loom.interp.Interpreter;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;
import tc.loom.state.StateLayout;
import tc.loom.state.StateMatrix;
import tc.loom.transformer.weights.exact.ExactWeights;
import tc.loom.transformer.weights.loomv1.LoomV1Weights;
import tc.source.SourceFile;

/**
 * The fast engine's index against the full scan on every step of a long run: the endless
 * arithmetic loop at 146×512 on both profiles, with {@code checkIndex} on (every decision the
 * index makes, and every block it skips, is checked against the scores a full scan computes, as
 * it is made) and every decision of every head checked against a full scan every 10,000 steps
 * and at the end. Memory and PC must then be the interpreter's. The step count is
 * {@code tc.long.steps}: 10,000 in the normal build, 1,000,000 with
 * {@code mvn test -Plong -Dtest=LongRunIndexTest}.
 */
class LongRunIndexTest {
    private static final int FULL_CHECK_EVERY = 10_000;

    @ParameterizedTest
    @ValueSource(strings = {"exact", "loom-v1"})
    void theIndexDecidesAsTheFullScanOnEveryStep(String profile) throws Exception {
        long steps = Long.getLong("tc.long.steps", 10_000);
        boolean exact = profile.equals("exact");
        Path file = Path.of("src/test/resources/longrun/forever.c");
        Program program = Compiler.compile(new SourceFile(file.toString(), Files.readString(file)),
                CompileOptions.of(MachineConfig.parse("146x512")));
        var config = program.config();
        StateMatrix x = StateMatrix.initial(program, exact ? StateLayout.exact(config) : StateLayout.of(config));
        FastPass engine = new FastPass(exact ? ExactWeights.build(config) : LoomV1Weights.build(config), true);
        long t0 = System.nanoTime();
        long ran = new TransformerRunner(engine).run(x, steps, (step, pc, state) -> {
            if (step % FULL_CHECK_EVERY == 0) engine.checkAllDecisions();
        });
        engine.checkAllDecisions();
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(steps, ran);
        var ideal = new Interpreter().run(program, RunOptions.defaults().withMaxSteps(steps));
        int[] memory = new int[config.m()];
        for (int i = 0; i < memory.length; i++) memory[i] = x.memory(i);
        assertArrayEquals(ideal.memory(), memory, "memory after " + steps + " steps");
        assertEquals(ideal.pc(), x.pc(), "PC after " + steps + " steps");
        System.out.printf("index check: %d steps on fast %s, every decision checked, in %.1f s%n", steps, profile, seconds);
    }
}
