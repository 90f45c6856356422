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
import tc.compiler.CompileOptions;
import tc.compiler.Compiler;
import tc.engine.Engine;
import tc.engine.Engines;
import tc.engine.RunOptions;
import tc.engine.RunResult;
import tc.engine.interp.Interpreter;
import tc.isa.MachineConfig;
import tc.isa.Program;
import tc.source.CompileException;

/**
 * The golden corpus on the exact transformer engines, computed from the weights alone.
 *
 * <p>sparse: every program at its own configuration, checked against the expectations its comments
 * state (the same check {@link CorpusTest} applies to the interpreter), and at every other named
 * configuration of its word width where it compiles, where its run must equal the interpreter's
 * (status, steps, PC, memory, outputs, fault kind) — in CI for programs of at most
 * {@code tc.corpus.otherConfigSteps} steps (default 400). dense, float32 matrices at ~0.5 s a
 * step, runs the programs of at most {@code tc.corpus.denseSteps} steps (default 30) at their own
 * configuration. {@code -Pexhaustive} lifts both bounds. A run left out by a bound is reported as
 * an aborted test with the reason, never passed silently.
 */
class ExactCorpusTest {
    static final long DENSE_STEPS = Long.getLong("tc.corpus.denseSteps", 30);
    static final long OTHER_CONFIG_STEPS = Long.getLong("tc.corpus.otherConfigSteps", 400);

    @TestFactory
    Stream<DynamicNode> corpusOnExactEngines() {
        Engine sparse = Engines.get("sparse", "exact");
        Engine dense = Engines.get("dense", "exact");
        List<DynamicNode> nodes = new ArrayList<>();
        for (CorpusProgram p : Corpus.load()) {
            if (p.expectedError() != null) continue; // compile errors: no run on any engine (CorpusTest checks them)
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest(p.path() + " on sparse (exact)", () -> CorpusTest.check(p, sparse)));
            for (MachineConfig c : MachineConfig.namedInOrder()) {
                MachineConfig config = c.withWordBits(p.options().wordBits());
                tests.add(DynamicTest.dynamicTest(p.path() + " at " + config.name() + " on sparse (exact) = interp",
                        () -> sameAsInterpreter(p, config, sparse)));
            }
            tests.add(DynamicTest.dynamicTest(p.path() + " on dense (exact)", () -> {
                Program program = Compiler.compile(p.source(), p.options());
                RunResult ideal = new Interpreter().run(program, new RunOptions(CorpusTest.MAX_STEPS, null));
                org.junit.jupiter.api.Assumptions.assumeTrue(ideal.steps() <= DENSE_STEPS,
                        () -> ideal.steps() + " steps: above the dense bound of " + DENSE_STEPS + " (raise tc.corpus.denseSteps)");
                CorpusTest.check(p, dense);
            }));
            nodes.add(DynamicContainer.dynamicContainer(p.path(), tests));
        }
        assertFalse(nodes.isEmpty(), "empty corpus");
        return nodes.stream();
    }

    /** At a configuration other than the program's own: the same run as the interpreter's, or both refuse to compile. */
    static void sameAsInterpreter(CorpusProgram p, MachineConfig config, Engine engine) {
        Program program;
        try {
            program = Compiler.compile(p.source(), CompileOptions.of(config));
        } catch (CompileException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, () -> "does not fit " + config.name() + ": " + e.diagnostic().message());
            return;
        }
        RunOptions options = new RunOptions(CorpusTest.MAX_STEPS, null);
        RunResult ideal = new Interpreter().run(program, options);
        org.junit.jupiter.api.Assumptions.assumeTrue(ideal.steps() <= OTHER_CONFIG_STEPS,
                () -> ideal.steps() + " steps: above the CI bound of " + OTHER_CONFIG_STEPS + " (raise tc.corpus.otherConfigSteps)");
        RunResult tensor = engine.run(program, options);
        String at = p.path() + " at " + config.name();
        assertEquals(ideal.status(), tensor.status(), at + " status (" + tensor.fault() + ")");
        assertEquals(ideal.steps(), tensor.steps(), at + " steps");
        assertEquals(ideal.pc(), tensor.pc(), at + " pc");
        assertArrayEquals(ideal.memory(), tensor.memory(), at + " memory");
        assertEquals(ideal.outputs(), tensor.outputs(), at + " outputs");
        assertEquals(ideal.fault() == null ? null : ideal.fault().kind(), tensor.fault() == null ? null : tensor.fault().kind(), at + " fault");
    }
}
