package tc.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tc.loom.Engines;
import tc.loom.backend.Compiler;
import tc.loom.engine.DensePass;
import tc.loom.engine.Engine;
import tc.loom.engine.FastPass;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.engine.TransformerEngine;
import tc.loom.interp.Interpreter;
import tc.loom.isa.Program;
import tc.loom.state.StateMatrix;

/**
 * The golden corpus on the fast engine ({@code --engine fast}, exact profile), every program at
 * its own configuration:
 * <ul>
 * <li>the whole run, checked against the program's stated results, for every program of at most
 *     {@code tc.corpus.fastSteps} steps (CI: 100,000, which is every program but Sudoku); a longer
 *     program runs its first {@code tc.corpus.fastSteps} steps and must leave the interpreter's
 *     state at that step (PC, every memory cell, every output so far) — a bounded test, named so;
 *     {@code -Pexhaustive} (or a larger bound) runs those whole too;</li>
 * <li>fast against dense, bit for bit after every one of the first {@code tc.corpus.fastDenseSteps}
 *     steps (default 40), on the same initial state.</li>
 * </ul>
 */
class FastCorpusTest {
    static final long FAST_STEPS = Long.getLong("tc.corpus.fastSteps", 100_000);
    static final long DENSE_STEPS = Long.getLong("tc.corpus.fastDenseSteps", 40);

    @TestFactory
    Stream<DynamicNode> corpusOnFast() {
        Engine fast = Engines.get("fast", "exact");
        List<DynamicNode> nodes = new ArrayList<>();
        for (CorpusProgram p : Corpus.load()) {
            if (p.expectedError() != null) continue; // compile errors: no run on any engine (CorpusTest checks them)
            Program program = Compiler.compile(p.source(), p.options());
            long steps = new Interpreter().run(program, new RunOptions(CorpusTest.MAX_STEPS, null)).steps();
            List<DynamicTest> tests = new ArrayList<>();
            if (steps <= FAST_STEPS) {
                tests.add(DynamicTest.dynamicTest(p.path() + " on fast (exact), whole run of " + steps + " steps", () -> CorpusTest.check(p, fast)));
            } else {
                tests.add(DynamicTest.dynamicTest(p.path() + " on fast (exact), first " + FAST_STEPS + " of " + steps + " steps = interp",
                        () -> samePrefix(p, program, fast, FAST_STEPS)));
            }
            tests.add(DynamicTest.dynamicTest(p.path() + " fast = dense bit for bit, first " + Math.min(steps, DENSE_STEPS) + " steps",
                    () -> lockstep(p, program, Math.min(steps, DENSE_STEPS))));
            nodes.add(DynamicContainer.dynamicContainer(p.path(), tests));
        }
        assertFalse(nodes.isEmpty(), "empty corpus");
        return nodes.stream();
    }

    /** The first {@code steps} steps: the interpreter's state then. */
    private static void samePrefix(CorpusProgram p, Program program, Engine engine, long steps) {
        RunOptions options = new RunOptions(steps, null);
        RunResult ideal = new Interpreter().run(program, options), tensor = engine.run(program, options);
        assertEquals(RunResult.Status.STEP_LIMIT, ideal.status(), p.path() + ": the interpreter stopped early");
        assertEquals(ideal.status(), tensor.status(), p.path() + " status (" + tensor.fault() + ")");
        assertEquals(ideal.steps(), tensor.steps(), p.path() + " steps");
        assertEquals(ideal.pc(), tensor.pc(), p.path() + " pc");
        assertArrayEquals(ideal.memory(), tensor.memory(), p.path() + " memory");
        assertEquals(ideal.outputs(), tensor.outputs(), p.path() + " outputs");
    }

    private static void lockstep(CorpusProgram p, Program program, long steps) {
        TransformerEngine engine = (TransformerEngine) Engines.get("fast", "exact");
        var model = engine.model(program.config());
        StateMatrix dense = engine.initialState(program), fast = engine.initialState(program);
        DensePass a = new DensePass(model);
        FastPass b = new FastPass(model);
        for (long step = 1; step <= steps && dense.pc() != 0; step++) {
            a.step(dense);
            if (step == 1) b.step(fast);
            else b.stepNext(fast.data());
            float[] x = dense.data(), y = fast.data();
            for (int e = 0; e < x.length; e++)
                if (Float.floatToRawIntBits(x[e]) != Float.floatToRawIntBits(y[e]))
                    throw new AssertionError(p.path() + ": fast differs from dense after step " + step + " at entry " + e + ": " + y[e] + " vs " + x[e]);
        }
    }
}
