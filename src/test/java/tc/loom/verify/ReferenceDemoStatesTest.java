package tc.loom.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tc.loom.engine.PassKind;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.interp.Interpreter;
import tc.loom.isa.Program;
import tc.loom.io.LoomState;
import tc.loom.transformer.weights.exact.ExactWeights;
import tc.source.SourceFile;

/**
 * Loom's own compiled demo states (the reference repository's {@code demos/}: Life, Snake and the
 * 9×9 Sudoku) read by our state reader, run on the interpreter to a halt, and on the exact
 * profile's fast transformer in lockstep with it. The files are not ours to commit: point
 * {@code -Dtc.loom.repo} at a clone of the reference repository; without it the test is aborted
 * with that reason. The transformer runs whole for Life and Snake (1,829 and 386 steps) and for
 * the first {@code tc.long.steps} steps of the Sudoku (15,272,147 steps in all; the lockstep
 * check reads the whole state after every step, so it costs more per step than the engine).
 */
class ReferenceDemoStatesTest {
    private static final String REPO = System.getProperty("tc.loom.repo", "");
    private static final long SUDOKU_PREFIX = Long.getLong("tc.long.steps", 10_000);

    private record Demo(String name, String state, String info, long steps, long transformerSteps) {}

    private static final Demo[] DEMOS = {
        new Demo("gameoflife", "demos/programs/gameoflife_state.json", "demos/programs/gameoflife_info.json", 1_829, Long.MAX_VALUE),
        new Demo("snake", "demos/snake_game/initial_state.json", null, 386, Long.MAX_VALUE),
        new Demo("sudoku9", "demos/programs/sudoku9_state.json", "demos/programs/sudoku9_info.json", 15_272_147, SUDOKU_PREFIX),
    };

    @TestFactory
    Stream<DynamicTest> referenceDemoStatesRunOnTheExactTransformer() {
        // without the files: one aborted test that says what it needs, not one per demo
        if (REPO.isEmpty())
            return Stream.of(DynamicTest.dynamicTest("Loom's demo states", () -> Assumptions.abort(
                    "needs the reference repository's demo states: mvn test -Dtc.loom.repo=PATH_TO_LOOM_CLONE")));
        return Stream.of(DEMOS).map(d -> DynamicTest.dynamicTest(d.name() + " on interp and fast (exact)", () -> {
            Path state = Path.of(REPO, d.state());
            Assumptions.assumeTrue(Files.isRegularFile(state), () -> "not found: " + state);
            SourceFile info = d.info() == null || !Files.isRegularFile(Path.of(REPO, d.info())) ? null
                    : new SourceFile(d.info(), Files.readString(Path.of(REPO, d.info())));
            Program program = LoomState.read(new SourceFile(d.state(), Files.readString(state)), info);

            RunResult ideal = new Interpreter().run(program, new RunOptions(100_000_000L, null));
            assertTrue(ideal.halted(), d.name() + " did not halt on the interpreter: " + ideal.status());
            assertEquals(d.steps(), ideal.steps(), d.name() + " steps on the interpreter");

            long bound = Math.min(d.transformerSteps(), ideal.steps());
            var pass = PassKind.FAST.create(ExactWeights.build(program.config()));
            Verification v = LockstepVerifier.run(program, pass, bound);
            if (bound == ideal.steps()) assertTrue(v.verified(), d.name() + ": " + v);
            else {
                assertEquals(Verification.Status.STEP_LIMIT, v.status(), d.name() + ": " + v);
                assertEquals(bound, v.steps(), d.name() + " steps in lockstep");
            }
        }));
    }
}
