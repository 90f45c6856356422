package tc.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tc.loom.Engines;
import tc.loom.backend.Compiler;
import tc.loom.engine.Engine;
import tc.loom.engine.ForwardPass;
import tc.loom.engine.PassKind;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.engine.TransformerEngine;
import tc.loom.interp.Interpreter;
import tc.loom.isa.Program;
import tc.loom.state.StateMatrix;

/**
 * The golden corpus on the {@code onnx} engine (exact profile), every program at its own
 * configuration, for the programs of at most {@code tc.corpus.onnxSteps} steps (CI: 12, 22 programs; ONNX
 * Runtime runs a step in tens of milliseconds here, so the bound keeps CI short; longer programs
 * are reported as aborted with the reason, and {@code -Pexhaustive} lifts the bound):
 * <ul>
 * <li>the ONNX graph and the sparse engine from the same initial state, the whole state compared
 *     bit for bit after every step;</li>
 * <li>the engine's run ({@code Engines.get("onnx", "exact")}, with the exact profile's host
 *     checks) equal to the interpreter's and to the program's stated expectations.</li>
 * </ul>
 */
class OnnxCorpusTest {
    static final long ONNX_STEPS = Long.getLong("tc.corpus.onnxSteps", 12);

    @TestFactory
    Stream<DynamicTest> corpusOnOnnx() {
        TransformerEngine onnx = (TransformerEngine) Engines.get("onnx", "exact");
        TransformerEngine sparse = (TransformerEngine) Engines.get("sparse", "exact");
        List<DynamicTest> tests = new ArrayList<>();
        for (CorpusProgram p : Corpus.load()) {
            if (p.expectedError() != null) continue; // compile errors: nothing runs
            tests.add(DynamicTest.dynamicTest(p.path() + " on onnx (exact): = sparse after every step, run = interp", () -> {
                Program program = Compiler.compile(p.source(), p.options());
                // the interpreter only as far as the bound: past it the program is not run here at all
                RunResult ideal = new Interpreter().run(program, new RunOptions(Math.min(ONNX_STEPS + 1, CorpusTest.MAX_STEPS), null));
                Assumptions.assumeTrue(ideal.steps() <= ONNX_STEPS && ideal.status() != RunResult.Status.STEP_LIMIT,
                        () -> "more than " + ONNX_STEPS + " steps: above the CI bound (raise tc.corpus.onnxSteps or use -Pexhaustive)");
                lockstep(program, onnx, sparse, ideal.steps());
                RunResult r = onnx.run(program, new RunOptions(CorpusTest.MAX_STEPS, null));
                CorpusTest.checkRun(p, program, r, "onnx");
                sameRun(p.path(), ideal, r);
            }));
        }
        assertFalse(tests.isEmpty(), "empty corpus");
        return tests.stream();
    }

    /** Both passes from the program's initial state, the states equal bit for bit after each of {@code steps} steps. */
    static void lockstep(Program program, TransformerEngine onnx, TransformerEngine sparse, long steps) {
        ForwardPass a = PassKind.ONNX.create(onnx.model(program.config())), b = PassKind.SPARSE.create(sparse.model(program.config()));
        StateMatrix x = onnx.initialState(program), y = sparse.initialState(program);
        for (long s = 1; s <= steps; s++) {
            a.stepNext(x.data());
            b.stepNext(y.data());
            if (!Arrays.equals(x.data(), y.data())) {
                int i = Arrays.mismatch(x.data(), y.data()), n = x.layout().columns();
                throw new AssertionError("step " + s + ": onnx and sparse differ first at row " + i / n + ", column " + i % n + ": "
                        + x.data()[i] + " vs " + y.data()[i]);
            }
            if (x.pc() == 0) break;
        }
    }

    static void sameRun(String what, RunResult ideal, RunResult r) {
        assertEquals(ideal.status(), r.status(), what + " status (" + r.fault() + ")");
        assertEquals(ideal.steps(), r.steps(), what + " steps");
        assertEquals(ideal.pc(), r.pc(), what + " pc");
        assertArrayEquals(ideal.memory(), r.memory(), what + " memory");
        assertEquals(ideal.outputs(), r.outputs(), what + " outputs");
        assertEquals(ideal.fault() == null ? null : ideal.fault().kind(), r.fault() == null ? null : r.fault().kind(), what + " fault");
        assertTrue(r.steps() > 0 || ideal.steps() == 0, what + ": ran");
    }

    static Engine engine() { return Engines.get("onnx", "exact"); }
}
